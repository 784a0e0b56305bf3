package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.JobClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No line of the job log is dropped: a 20,000-job drain submitted by 8 threads leaves exactly one
 * RECEIVED and one FINISHED row per job and one DISPATCHED row per attempt in {@code lts_job_log}
 * (the old buffered log lost about one line in ten here).
 */
class JobLogDrainTest {

  private static final String GROUP = "drain";
  private static final int JOBS = 20_000;
  private static final int THREADS = 8;
  private static final int BATCH = 100;

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

  @Test
  void theJobLogHoldsEveryLifecycleLineOfA20000JobDrainWith8SubmittingThreads() throws Exception {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir).leaseMillis(30_000);
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 64, runner);
    JobClient client = cluster.jobClient("drain-client", results -> {});

    ExecutorService submitters = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(submitters.submit(() -> submitShare(client, thread)));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      submitters.shutdownNow();
    }

    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> runner.runs.size() == JOBS && count("SELECT COUNT(*) FROM lts_job") == 0);

    assertThat(countPerJob("RECEIVED")).as("jobs with one RECEIVED row").isEqualTo(JOBS);
    assertThat(countPerJob("FINISHED")).as("jobs with one FINISHED row").isEqualTo(JOBS);
    assertThat(count("SELECT COUNT(*) FROM lts_job_log WHERE log_type IN ('RECEIVED','FINISHED')"))
        .isEqualTo(2L * JOBS);
    // one DISPATCHED row per attempt: as many as the attempts the finished runs reached, no repeat
    assertThat(count("SELECT COUNT(*) FROM lts_job_log WHERE log_type = 'DISPATCHED'"))
        .isEqualTo(
            count("SELECT COALESCE(SUM(attempt), 0) FROM lts_job_log WHERE log_type = 'FINISHED'"));
    assertThat(
            count(
                "SELECT COUNT(*) FROM (SELECT job_id, attempt FROM lts_job_log WHERE log_type ="
                    + " 'DISPATCHED' GROUP BY job_id, attempt HAVING COUNT(*) > 1) t"))
        .isZero();
    assertThat(runner.totalRuns()).isGreaterThanOrEqualTo(JOBS);
  }

  private static void submitShare(JobClient client, int thread) {
    int share = JOBS / THREADS;
    for (int from = 0; from < share; from += BATCH) {
      List<Job> jobs = new ArrayList<>(BATCH);
      for (int i = from; i < from + BATCH; i++) {
        Job job = new Job();
        job.setTaskId("t" + thread + "-" + i);
        job.setTaskTrackerNodeGroup(GROUP);
        jobs.add(job);
      }
      Response response = client.submitJob(jobs);
      assertThat(response.isSuccess()).as(response.toString()).isTrue();
    }
  }

  /** Jobs with exactly one row of this type. */
  private long countPerJob(String type) throws SQLException {
    return count(
        "SELECT COUNT(*) FROM (SELECT job_id FROM lts_job_log WHERE log_type = '"
            + type
            + "' GROUP BY job_id HAVING COUNT(*) = 1) t");
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
