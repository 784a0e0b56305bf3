package com.lts.core.store;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;

/** A private H2 database, MariaDB database or PostgreSQL schema per test class. */
public final class JdbcFixture implements StoreFixture {

  private static final String[] TABLES = {
    "lts_job",
    "lts_feedback",
    "lts_node_group",
    "lts_job_log",
    "lts_node_stats",
    "lts_submit_id",
    "lts_dead_job",
    "lts_setting"
  };

  private final String queue;
  private final String url;
  private final String user;
  private final String adminUrl;
  private final String dropSql;

  private JdbcFixture(String queue, String url, String user, String adminUrl, String dropSql) {
    this.queue = queue;
    this.url = url;
    this.user = user;
    this.adminUrl = adminUrl;
    this.dropSql = dropSql;
  }

  private static String uniqueName() {
    return "lts_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  public static JdbcFixture h2() {
    String url = "jdbc:h2:mem:" + uniqueName() + ";DB_CLOSE_DELAY=-1";
    return new JdbcFixture("h2", url, null, url, "SHUTDOWN");
  }

  public static JdbcFixture mariaDb() throws SQLException {
    String db = uniqueName();
    String admin = "jdbc:mysql://127.0.0.1:3306/test?useSSL=false&allowPublicKeyRetrieval=true";
    execute(admin, "root", "CREATE DATABASE " + db);
    return new JdbcFixture(
        "mysql",
        "jdbc:mysql://127.0.0.1:3306/" + db + "?useSSL=false&allowPublicKeyRetrieval=true",
        "root",
        admin,
        "DROP DATABASE " + db);
  }

  public static JdbcFixture postgreSql() throws SQLException {
    String schema = uniqueName();
    String admin = "jdbc:postgresql://127.0.0.1:5432/test";
    execute(admin, "postgres", "CREATE SCHEMA " + schema);
    return new JdbcFixture(
        "postgresql",
        admin + "?currentSchema=" + schema,
        "postgres",
        admin,
        "DROP SCHEMA " + schema + " CASCADE");
  }

  public String url() {
    return url;
  }

  public LtsConfig config() {
    LtsConfig.Builder b =
        LtsConfig.builder().set(ConfigKeys.JOB_QUEUE, queue).set(ConfigKeys.JDBC_URL, url);
    if (user != null) {
      b.set(ConfigKeys.JDBC_USERNAME, user);
    }
    return b.set(ConfigKeys.JDBC_POOL_MAX_SIZE, 6).build();
  }

  @Override
  public Store open(Clock clock) {
    // Contract tests move time with a fake clock, leases' time too.
    return Store.open(
        config().toBuilder().set(ConfigKeys.JOB_LEASE_CLOCK, "node").build(),
        Path.of("target"),
        clock);
  }

  @Override
  public void clear() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, null);
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        s.execute("TRUNCATE TABLE " + table);
      }
    }
  }

  @Override
  public void insertRawFeedback(String jobClientNodeGroup, String result, long created)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, null);
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO lts_feedback (job_client_node_group, job_result, created)"
                    + " VALUES (?, ?, ?)")) {
      ps.setString(1, jobClientNodeGroup);
      ps.setString(2, result);
      ps.setLong(3, created);
      ps.executeUpdate();
    }
  }

  @Override
  public void drop() throws SQLException {
    execute(adminUrl, user, dropSql);
  }

  private static void execute(String url, String user, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
