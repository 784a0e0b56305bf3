package com.lts.example.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * README's first command, in its {@code --once} form: the whole demo cluster starts, one round of
 * jobs of every kind ends, and Admin's address, its password, progress and the stop are printed;
 * the job log in the H2 file holds the runners' BizLogger lines and the retries.
 */
class LocalDemoTest {

  @TempDir Path data;

  @Test
  void onceRunsOneRoundOfEveryKindOfJobAndStops() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    int code =
        LocalDemo.parse(
                new String[] {"--once", "--data", data.toString(), "--admin-port", "0"}, out)
            .run();

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(code).as(output).isZero();
    assertThat(output)
        .contains("== Registry   zookeeper://127.0.0.1:")
        .containsPattern("== LTS Admin  http://127\\.0\\.0\\.1:\\d+/main\\.html")
        .contains("== Scheduled cron-report (cron '0/1 * * * * ?'): Response{success=true")
        .contains("== Scheduled repeat-shop (repeat 2 × 1000 ms): Response{success=true")
        .contains("== Round 1: 10 jobs")
        .containsPattern("== \\[ *\\d+ s\\] submitted 12 \\([0-9.]+/s\\), completed \\d+")
        .contains("== One round done")
        .endsWith("== Stopped." + System.lineSeparator());

    Matcher login = Pattern.compile("== Log in as  admin / (\\S+) ").matcher(output);
    assertThat(login.find()).as(output).isTrue();
    String users = Files.readString(data.resolve(".lts/admin/admin-users.properties")).strip();
    assertThat(users).startsWith("admin:admin:");
    assertThat(
            new BCryptPasswordEncoder()
                .matches(login.group(1), users.substring("admin:admin:".length())))
        .as("the printed password is admin's")
        .isTrue();

    String url = "jdbc:h2:file:" + data.resolve(".lts/h2/lts-job-store").toAbsolutePath();
    try (Connection db = DriverManager.getConnection(url, "", "")) {
      assertThat(count(db, "log_type = 'BIZ' AND msg LIKE 'syncing shop r1-shop-1 %'"))
          .isEqualTo(1);
      assertThat(count(db, "log_type = 'BIZ' AND msg = 'writing the report'"))
          .isGreaterThanOrEqualTo(3); // two real-time reports, the delayed one, the cron's
      assertThat(count(db, "log_type = 'RETRIED' AND task_id = 'r1-shop-busy'")).isEqualTo(2);
      assertThat(count(db, "log_type = 'FINISHED' AND task_id = 'r1-report-delayed'")).isEqualTo(1);
    }
  }

  private static long count(Connection db, String where) throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM lts_job_log WHERE " + where)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
