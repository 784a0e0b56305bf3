package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.monitor.MetricNames;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submit for a group whose TaskTracker is idle stores its jobs already claimed for it and pushes
 * them at once (one write before the push): each runs once, its job log holds RECEIVED, DISPATCHED
 * (attempt 1) and FINISHED, and the JobTracker counts it in {@code lts.jobs.dispatched.at.submit}.
 */
class DispatchAtSubmitTest {

  private static final String GROUP = "idle";
  private static final int JOBS = 20;

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
  void jobsSubmittedOneByOneToAnIdleTaskTrackerAreClaimedInTheirSubmitAndRunOnce()
      throws Exception {
    database = JdbcFixture.h2();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    cluster =
        LocalCluster.start(dir)
            .beforeStart(
                node -> {
                  if (node instanceof JobTracker) {
                    node.setMeterRegistry(registry);
                  }
                });
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 4, runner);
    JobClient client = cluster.jobClient("idle-client", results -> {});

    List<String> taskIds = new ArrayList<>();
    for (int i = 0; i < JOBS; i++) {
      Job job = new Job();
      job.setTaskId("one-" + i);
      job.setTaskTrackerNodeGroup(GROUP);
      Response response = client.submitJob(job);
      assertThat(response.isSuccess()).as(response.toString()).isTrue();
      taskIds.add(job.getTaskId());
      // The next submit finds the TaskTracker idle again once this job has finished.
      await().atMost(Duration.ofSeconds(20)).until(() -> finished(job.getTaskId()));
    }

    for (String taskId : taskIds) {
      assertThat(runner.runsOf(taskId)).as(taskId).isEqualTo(1);
      assertThat(logTypes(taskId)).as(taskId).contains("RECEIVED", "DISPATCHED", "FINISHED");
    }
    double atSubmit = count(registry, MetricNames.JOBS_DISPATCHED_AT_SUBMIT);
    double dispatched = count(registry, MetricNames.JOBS_DISPATCHED);
    assertThat(dispatched).isEqualTo(JOBS);
    // The first job may find the TaskTracker not yet reported; later ones find it idle.
    assertThat(atSubmit).isGreaterThan(0).isLessThanOrEqualTo(JOBS);
  }

  private static double count(SimpleMeterRegistry registry, String counter) {
    return Search.in(registry).name(counter).tag(MetricNames.TAG_GROUP, GROUP).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private boolean finished(String taskId) throws SQLException {
    return logTypes(taskId).contains("FINISHED");
  }

  private List<String> logTypes(String taskId) throws SQLException {
    try (Connection c = DriverManager.getConnection(database.url());
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT log_type FROM lts_job_log WHERE task_id = ? ORDER BY log_time, id")) {
      ps.setString(1, taskId);
      List<String> types = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          types.add(rs.getString(1));
        }
      }
      return types;
    }
  }
}
