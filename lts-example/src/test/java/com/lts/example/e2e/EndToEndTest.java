package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobQueue;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import com.lts.core.testing.Services;
import com.lts.jobclient.JobClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JobClient → JobTracker → TaskTracker → result and feedback, with real nodes on loopback. */
class EndToEndTest {

  private static final String GROUP = "trade";

  @TempDir Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closeLater(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  private static Job job(String taskId, String action) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    if (action != null) {
      job.setParam("action", action);
    }
    job.setNeedFeedback(true);
    return job;
  }

  /** Feedback received by a JobClient: results per task id. */
  private static final class Feedback {
    final Map<String, List<JobResult>> byTask = new ConcurrentHashMap<>();
    final AtomicInteger total = new AtomicInteger();

    void add(List<JobResult> results) {
      for (JobResult result : results) {
        byTask
            .computeIfAbsent(result.getJob().getTaskId(), t -> new CopyOnWriteArrayList<>())
            .add(result);
        total.incrementAndGet();
      }
    }
  }

  @Test
  void tenThousandJobsOverTwoJobTrackersAndTwoTaskTrackersRunOnceEach() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    JdbcFixture database = JdbcFixture.postgreSql();
    toClose.add(database::drop);
    runOnceEach(database, 10_000);
  }

  @Test
  void theEmbeddedH2StoreServesTwoJobTrackersToo() throws Exception {
    JdbcFixture database = JdbcFixture.h2();
    toClose.add(database::drop);
    runOnceEach(database, 2_000);
  }

  private void runOnceEach(JdbcFixture database, int count) {
    LocalCluster cluster = closeLater(LocalCluster.start(dir));
    cluster.jobTracker(database.config());
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 16, runner);
    cluster.taskTracker(GROUP, 16, runner);
    Feedback feedback = new Feedback();
    JobClient client = cluster.jobClient("web", feedback::add);

    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(job("job-" + i, null));
    }
    Response response = client.submitJob(jobs);
    assertThat(response.isSuccess()).as(response.toString()).isTrue();

    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> runner.runs.size() == count && feedback.total.get() >= count);
    assertThat(runner.runs.values()).allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
    assertThat(runner.totalRuns()).isEqualTo(count);
    assertThat(feedback.byTask).hasSize(count);
    assertThat(feedback.byTask.values())
        .allSatisfy(
            results -> {
              assertThat(results).hasSize(1);
              assertThat(results.get(0).getAction()).isEqualTo(Action.EXECUTE_SUCCESS);
            });
  }

  @Test
  void eachActionHasItsEffect() throws Exception {
    JdbcFixture database = JdbcFixture.h2();
    toClose.add(database::drop);
    LocalCluster cluster = closeLater(LocalCluster.start(dir));
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 4, runner);
    Feedback feedback = new Feedback();
    JobClient client = cluster.jobClient("web", feedback::add);

    List<Job> jobs = new ArrayList<>();
    jobs.add(job("succeeds", null));
    jobs.add(job("fails", "FAILED"));
    Job later = job("later", "LATER");
    later.setMaxRetryTimes(2);
    jobs.add(later);
    Job throwing = job("throws", "THROW");
    throwing.setMaxRetryTimes(2);
    jobs.add(throwing);
    Job throwsOnce = job("throws-no-retry", "THROW");
    jobs.add(throwsOnce);
    assertThat(client.submitJob(jobs).isSuccess()).isTrue();

    await().atMost(Duration.ofSeconds(30)).until(() -> feedback.byTask.size() == 5);
    assertThat(runner.runsOf("succeeds")).isEqualTo(1);
    assertThat(runner.runsOf("fails")).as("EXECUTE_FAILED never retries").isEqualTo(1);
    assertThat(runner.runsOf("later")).as("first run + 2 retries").isEqualTo(3);
    assertThat(runner.runsOf("throws")).isEqualTo(3);
    assertThat(runner.runsOf("throws-no-retry")).isEqualTo(1);
    assertThat(only(feedback, "succeeds").getAction()).isEqualTo(Action.EXECUTE_SUCCESS);
    assertThat(only(feedback, "succeeds").isSuccess()).isTrue();
    assertThat(only(feedback, "fails").getAction()).isEqualTo(Action.EXECUTE_FAILED);
    assertThat(only(feedback, "fails").getMsg()).isEqualTo("no such shop");
    assertThat(only(feedback, "later").getAction()).isEqualTo(Action.EXECUTE_LATER);
    assertThat(only(feedback, "throws").getAction()).isEqualTo(Action.EXECUTE_EXCEPTION);
    assertThat(only(feedback, "throws").getMsg())
        .startsWith("java.lang.IllegalStateException: shop closed");

    try (Store store = database.open(Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(logTypes(store, "later"))
                      .contains(
                          JobLogType.RECEIVED,
                          JobLogType.DISPATCHED,
                          JobLogType.RETRIED,
                          JobLogType.FINISHED));
      assertThat(store.jobs().find(GROUP, "succeeds"))
          .as("finished jobs leave the queues")
          .isEmpty();
    }
  }

  private static JobResult only(Feedback feedback, String taskId) {
    List<JobResult> results = feedback.byTask.get(taskId);
    assertThat(results).as("feedback for %s", taskId).hasSize(1);
    return results.get(0);
  }

  private static List<JobLogType> logTypes(Store store, String taskId) {
    return store.jobLogs().query(JobLogQuery.forTask(GROUP, taskId, 100)).items().stream()
        .map(JobLogEntry::type)
        .toList();
  }

  @Test
  void cancelRemovesAWaitingJobAndRefusesARunningOne() throws Exception {
    JdbcFixture database = JdbcFixture.h2();
    toClose.add(database::drop);
    LocalCluster cluster = closeLater(LocalCluster.start(dir));
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 2, runner);
    JobClient client = cluster.jobClient("web", results -> {});

    Job waiting = job("waiting", null);
    waiting.setTaskTrackerNodeGroup("nobody_runs_this");
    assertThat(client.submitJob(waiting).isSuccess()).isTrue();
    Response cancelled = client.cancelJob("waiting", "nobody_runs_this");
    assertThat(cancelled.isSuccess()).as(cancelled.toString()).isTrue();
    assertThat(cancelled.getCode()).isEqualTo(ResponseCode.JOB_CANCEL_SUCCESS);

    assertThat(client.submitJob(job("running", "BLOCK")).isSuccess()).isTrue();
    assertThat(runner.blocked.await(20, TimeUnit.SECONDS)).isTrue();
    Response refused = client.cancelJob("running", GROUP);
    assertThat(refused.isSuccess()).isFalse();
    assertThat(refused.getCode()).isEqualTo(ResponseCode.JOB_CANCEL_FAILED);
    assertThat(refused.getMsg()).contains("is running on TT_").contains("cannot be cancelled");
    runner.release.countDown();

    Response unknown = client.cancelJob("never-submitted", GROUP);
    assertThat(unknown.isSuccess()).isFalse();
    assertThat(unknown.getMsg()).contains("No job with taskId never-submitted");

    try (Store store = database.open(Clock.systemUTC())) {
      assertThat(store.jobs().find("nobody_runs_this", "waiting")).isEmpty();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> store.jobs().find(GROUP, "running").isEmpty());
    }
    assertThat(runner.runsOf("waiting")).isZero();
  }

  @Test
  void badInputGetsAClearResponseAndNothingIsStoredHalfWay() throws Exception {
    JdbcFixture database = JdbcFixture.h2();
    toClose.add(database::drop);
    LocalCluster cluster = closeLater(LocalCluster.start(dir));
    cluster.jobTracker(database.config());
    JobClient client = cluster.jobClient("web", results -> {});

    Job noTaskId = job(null, null);
    Job noGroup = job("no-group", null);
    noGroup.setTaskTrackerNodeGroup(null);
    Job fine = job("fine", null);
    Response invalid = client.submitJob(List.of(fine, noTaskId, noGroup));
    assertThat(invalid.isSuccess()).isFalse();
    assertThat(invalid.getCode()).isEqualTo(ResponseCode.REQUEST_FIELD_CHECK_ERROR);
    assertThat(invalid.getMsg())
        .contains("2 of 3 jobs are invalid, none was submitted")
        .contains("taskId: must not be empty")
        .contains("taskTrackerNodeGroup: must not be empty");
    assertThat(invalid.getFailedJobs()).containsExactly(noTaskId, noGroup);

    Job oversized = job("oversized", null);
    oversized.setParam("payload", "x".repeat(Job.MAX_PARAMS_LENGTH + 1));
    Response tooBig = client.submitJob(oversized);
    assertThat(tooBig.getCode()).isEqualTo(ResponseCode.REQUEST_FIELD_CHECK_ERROR);
    assertThat(tooBig.getMsg()).contains("params:").contains("more than the limit");

    Job badCron = job("bad-cron", null);
    badCron.setCronExpression("every minute");
    assertThat(client.submitJob(badCron).getMsg()).contains("not a valid Quartz cron expression");

    Job unknownGroup = job("unknown-group", null);
    unknownGroup.setTaskTrackerNodeGroup("no_such_group");
    Response accepted = client.submitJob(unknownGroup);
    assertThat(accepted.isSuccess()).as("a job for a group without TaskTrackers waits").isTrue();

    Response again = client.submitJob(unknownGroup);
    assertThat(again.isSuccess()).isTrue();
    assertThat(again.getMsg()).contains("already existed and were kept unchanged");

    try (Store store = database.open(Clock.systemUTC())) {
      assertThat(store.jobs().find(GROUP, "fine"))
          .as("nothing of a refused batch is stored")
          .isEmpty();
      assertThat(store.jobs().find(GROUP, "oversized")).isEmpty();
      List<StoredJob> waiting =
          store
              .jobs()
              .browse(QueueQuery.of(JobQueue.EXECUTABLE, 100).group("no_such_group"))
              .items();
      assertThat(waiting).extracting(StoredJob::taskId).containsExactly("unknown-group");
      assertThat(waiting.get(0).attempt()).as("never claimed").isZero();
    }
  }

  @Test
  void withoutAJobTrackerSubmitsSayNoneWasFound() {
    LocalCluster cluster = closeLater(LocalCluster.start(dir));
    JobClient client = cluster.jobClient("web", results -> {});
    Job job = job("lonely", null);
    Response response = client.submitJob(job);
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo(ResponseCode.JOB_TRACKER_NOT_FOUND);
    assertThat(response.getFailedJobs()).containsExactly(job);
  }
}
