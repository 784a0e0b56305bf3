package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.JobClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A job for a node group without any TaskTracker online is stored, and the submit's answer says
 * that it waits; the JobTracker logs it once per group, and again only after the group was served.
 */
class UnservedGroupTest {

  private static final String SERVED = "served_TaskTracker";
  private static final String TYPO = "serevd_TaskTracker";

  @TempDir Path dir;

  @Test
  void theAnswerWarnsAndTheJobTrackerLogsOncePerGroup() throws Exception {
    Logger logger =
        (Logger) LoggerFactory.getLogger("com.lts.jobtracker.internal.intake.UnservedGroups");
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    JdbcFixture database = JdbcFixture.h2();
    CountingRunner runner = new CountingRunner();
    try (LocalCluster cluster = LocalCluster.start(dir)) {
      cluster.jobTracker(database.config());
      cluster.taskTracker(SERVED, 2, runner);
      JobClient client = cluster.jobClient("web", results -> {});

      Response served = client.submitJob(job("a", SERVED));
      assertThat(served.isSuccess()).as(served.toString()).isTrue();
      assertThat(served.getWarnings()).isEmpty();

      Response first = client.submitJob(List.of(job("b", TYPO), job("c", SERVED)));
      Response second = client.submitJob(job("d", TYPO));

      for (Response response : List.of(first, second)) {
        assertThat(response.isSuccess()).as(response.toString()).isTrue();
        assertThat(response.getWarnings())
            .singleElement()
            .asString()
            .startsWith("No TaskTracker of node group '" + TYPO + "' is online");
        assertThat(response.toString()).contains("warnings=[No TaskTracker of node group");
      }
      assertThat(logged.list)
          .filteredOn(e -> e.getFormattedMessage().contains(TYPO))
          .as("logged once for the group")
          .hasSize(1);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> runner.runsOf("a") == 1 && runner.runsOf("c") == 1);
    } finally {
      logger.detachAppender(logged);
      database.drop();
    }
  }

  private static Job job(String taskId, String group) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(group);
    return job;
  }
}
