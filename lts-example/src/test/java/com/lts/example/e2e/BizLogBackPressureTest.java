package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.config.ConfigKeys;
import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.domain.Result;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.JobClient;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Business log lines are never dropped: a JobTracker whose job log buffer holds a single line
 * refuses most batches of business lines (busy), and the TaskTracker keeps and re-sends them until
 * every line is in {@code lts_job_log} exactly once.
 */
class BizLogBackPressureTest {

  private static final String GROUP = "chatty";
  private static final int JOBS = 1_000;
  private static final int LINES_PER_JOB = 10;

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (database != null) {
      database.drop();
    }
  }

  /** Writes {@link #LINES_PER_JOB} business lines per run. */
  private static final class ChattyRunner implements JobRunner {
    final AtomicInteger runs = new AtomicInteger();

    @Override
    public Result run(JobContext context) {
      for (int i = 0; i < LINES_PER_JOB; i++) {
        context.getBizLogger().info("line " + i + " of " + context.getJob().getTaskId());
      }
      runs.incrementAndGet();
      return null;
    }
  }

  @Test
  void businessLinesTheJobTrackerRefusesAreKeptAndSentAgainUntilAllAreLogged() throws Exception {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir).leaseMillis(30_000);
    cluster.jobTracker(
        database.config().toBuilder()
            .set(ConfigKeys.LAZY_JOB_LOGGER_OVERFLOW_SIZE, 1)
            .set(ConfigKeys.LAZY_JOB_LOGGER_BATCH_FLUSH_SIZE, 5)
            .build());
    ChattyRunner runner = new ChattyRunner();
    cluster.taskTracker(GROUP, 32, runner);
    JobClient client = cluster.jobClient("chatty-client", results -> {});

    for (int from = 0; from < JOBS; from += 200) {
      List<Job> jobs = new ArrayList<>();
      for (int i = from; i < from + 200; i++) {
        Job job = new Job();
        job.setTaskId("job-" + i);
        job.setTaskTrackerNodeGroup(GROUP);
        jobs.add(job);
      }
      Response response = client.submitJob(jobs);
      assertThat(response.isSuccess()).as(response.toString()).isTrue();
    }

    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                runner.runs.get() >= JOBS
                    && count("SELECT COUNT(*) FROM lts_job_log WHERE log_type = 'BIZ'")
                        >= (long) JOBS * LINES_PER_JOB);
    assertThat(
            count(
                "SELECT COUNT(*) FROM (SELECT DISTINCT msg FROM lts_job_log WHERE log_type = 'BIZ')"
                    + " t"))
        .isEqualTo((long) JOBS * LINES_PER_JOB);
    assertThat(count("SELECT COUNT(*) FROM lts_job_log WHERE log_type = 'BIZ'"))
        .isEqualTo((long) JOBS * LINES_PER_JOB);
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(database.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
