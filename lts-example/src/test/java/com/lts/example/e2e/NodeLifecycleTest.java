package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Action;
import com.lts.core.domain.BizLog;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Result;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.Store;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.logger.LtsLoggerFactory;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping nodes, losing a JobTracker, business logs and feedback delivery. */
class NodeLifecycleTest {

  private static final String GROUP = "trade";

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;

  @BeforeEach
  void setUp() {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    cluster.close();
    database.drop();
  }

  private static Job job(String taskId, String action) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    job.setNeedFeedback(true);
    if (action != null) {
      job.setParam("action", action);
    }
    return job;
  }

  @Test
  void stoppingATaskTrackerLetsItsRunningJobFinishAndReportsIt() throws Exception {
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    TaskTracker taskTracker = cluster.taskTracker(GROUP, 2, runner);
    List<JobResult> results = new CopyOnWriteArrayList<>();
    JobClient client = cluster.jobClient("web", results::addAll);

    assertThat(client.submitJob(job("long", "BLOCK")).isSuccess()).isTrue();
    assertThat(runner.blocked.await(20, TimeUnit.SECONDS)).isTrue();

    Thread stopper = new Thread(taskTracker::stop);
    stopper.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> taskTracker.getAvailableThreads() == 0);
    assertThat(stopper.isAlive()).as("stop waits for the running job").isTrue();
    runner.release.countDown();
    stopper.join(10_000);
    assertThat(stopper.isAlive()).isFalse();

    await().atMost(Duration.ofSeconds(10)).until(() -> results.size() == 1);
    assertThat(results.get(0).getAction()).isEqualTo(Action.EXECUTE_SUCCESS);
    assertThat(results.get(0).getMsg()).isEqualTo("released");
    assertThat(runner.runsOf("long")).isEqualTo(1);
  }

  @Test
  void clientsMoveToAnotherJobTrackerWhenOneGoesAway() {
    JobTracker first = cluster.jobTracker(database.config());
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 4, runner);
    List<JobResult> results = new CopyOnWriteArrayList<>();
    JobClient client = cluster.jobClient("web", results::addAll);

    for (int i = 0; i < 20; i++) {
      assertThat(client.submitJob(job("before-" + i, null)).isSuccess()).isTrue();
    }
    first.stop();
    for (int i = 0; i < 20; i++) {
      assertThat(client.submitJob(job("after-" + i, null)).isSuccess())
          .as("submit %d after a JobTracker stopped", i)
          .isTrue();
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> runner.runs.size() == 40);
    await().atMost(Duration.ofSeconds(30)).until(() -> results.size() >= 40);
    assertThat(runner.runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
  }

  /** Writes business log lines both ways a runner can get its logger. */
  static final class LoggingRunner implements JobRunner {
    @Override
    public Result run(JobContext context) {
      LtsLoggerFactory.getBizLogger().info("from the factory");
      context.getBizLogger().error("from the context");
      context.getBizLogger().debug("below the level, not sent");
      return null;
    }
  }

  @Test
  void bizLoggerLinesReachTheJobLog() throws Exception {
    cluster.jobTracker(database.config());
    cluster.taskTracker(GROUP, 2, new LoggingRunner());
    List<JobResult> results = new CopyOnWriteArrayList<>();
    JobClient client = cluster.jobClient("web", results::addAll);
    assertThat(client.submitJob(job("logs", null)).isSuccess()).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> results.size() == 1);

    try (Store store = database.open(Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                List<JobLogEntry> biz =
                    store.jobLogs().query(JobLogQuery.forTask(GROUP, "logs", 100)).items().stream()
                        .filter(e -> e.type() == JobLogType.BIZ)
                        .toList();
                assertThat(biz)
                    .extracting(JobLogEntry::msg)
                    .containsExactlyInAnyOrder("from the factory", "from the context");
                assertThat(biz)
                    .filteredOn(e -> e.msg().equals("from the context"))
                    .extracting(JobLogEntry::level)
                    .containsExactly(BizLog.Level.ERROR);
                assertThat(biz)
                    .allSatisfy(e -> assertThat(e.taskTrackerIdentity()).startsWith("TT_"));
              });
    }
  }

  @Test
  void feedbackAHandlerThrewOnIsDeliveredAgain() {
    cluster.jobTracker(database.config());
    cluster.taskTracker(GROUP, 2, new CountingRunner());
    AtomicInteger calls = new AtomicInteger();
    List<JobResult> delivered = new CopyOnWriteArrayList<>();
    JobClient client =
        cluster.jobClient(
            "web",
            results -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("handler not ready");
              }
              delivered.addAll(results);
            });
    assertThat(client.submitJob(job("feedback", null)).isSuccess()).isTrue();
    await().atMost(Duration.ofSeconds(30)).until(() -> delivered.size() == 1);
    assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    assertThat(delivered.get(0).getJob().getTaskId()).isEqualTo("feedback");
  }
}
