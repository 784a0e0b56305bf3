package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.Store;
import com.lts.example.scenario.BizLoggerAndGroupsExample;
import com.lts.example.scenario.FeedbackAndRetryExample;
import com.lts.example.scenario.JobKindsExample;
import com.lts.example.scenario.MasterListenerExample;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario example of {@code com.lts.example.scenario} against one JobTracker (embedded
 * ZooKeeper, H2): each reports success, and what it says happened is in the store.
 */
class ScenarioExamplesTest {

  @TempDir static Path dir;

  private static LocalCluster cluster;
  private static JdbcFixture database;
  private static Store store;

  @BeforeAll
  static void startJobTracker() {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir);
    cluster.jobTracker(database.config());
    store = database.open(Clock.systemUTC());
  }

  @AfterAll
  static void stop() throws Exception {
    if (store != null) {
      store.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void everyKindOfJobRuns() throws Exception {
    assertThat(JobKindsExample.run(cluster.registryAddress(), dir.resolve("kinds"))).isTrue();
    assertThat(store.jobs().find("kinds_TaskTracker", "cron")).isEmpty(); // cancelled
  }

  @Test
  void feedbackArrivesOnceWithRetriesAndFailures() throws Exception {
    assertThat(FeedbackAndRetryExample.run(cluster.registryAddress(), dir.resolve("feedback")))
        .isTrue();
    assertThat(store.feedback().countByGroup()).doesNotContainKey("example_JobClient");
  }

  @Test
  void groupsRouteJobsAndBusinessLinesAreKept() throws Exception {
    assertThat(BizLoggerAndGroupsExample.run(cluster.registryAddress(), dir.resolve("groups")))
        .isTrue();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .until(
            () ->
                store
                        .jobLogs()
                        .query(JobLogQuery.forTask("orders_TaskTracker", "order-1001", 100))
                        .items()
                        .stream()
                        .filter(e -> e.type() == JobLogType.BIZ)
                        .count()
                    == 2);
  }

  @Test
  void anotherTaskTrackerBecomesMasterWhenTheMasterStops() throws Exception {
    assertThat(MasterListenerExample.run(cluster.registryAddress(), dir.resolve("master")))
        .isTrue();
  }
}
