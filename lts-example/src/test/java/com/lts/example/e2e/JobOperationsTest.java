package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobRef;
import com.lts.core.domain.OperationResult;
import com.lts.core.domain.OperationStatus;
import com.lts.core.domain.Result;
import com.lts.core.store.DeadJob;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobQueue;
import com.lts.core.store.JobState;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.operations.JobOperations;
import com.lts.tasktracker.runner.InterruptibleJobRunner;
import com.lts.tasktracker.runner.JobContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suspend, resume, trigger now, update, delete and terminate through a real JobTracker, and their
 * errors.
 */
class JobOperationsTest {

  private static final String GROUP = "trade";

  @TempDir Path dir;

  private final List<AutoCloseable> toClose = new ArrayList<>();
  private CountingRunner runner;
  private JobClient client;
  private JobOperations operations;
  private Store store;
  private LocalCluster cluster;

  @BeforeEach
  void startCluster() {
    JdbcFixture database = JdbcFixture.h2();
    toClose.add(database::drop);
    cluster = LocalCluster.start(dir);
    toClose.add(cluster);
    cluster.jobTracker(database.config());
    runner = new CountingRunner();
    cluster.taskTracker(GROUP, 2, runner);
    client = cluster.jobClient("web", results -> {});
    operations = client.jobOperations();
    store = database.open(Clock.systemUTC());
    toClose.add(store);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    return job;
  }

  private void submit(Job job) {
    assertThat(client.submitJob(job).isSuccess()).isTrue();
  }

  private StoredJob stored(String taskId) {
    return store.jobs().find(GROUP, taskId).orElseThrow();
  }

  private static void assertStatus(OperationResult result, OperationStatus status, String text) {
    assertThat(result.status()).as(result.toString()).isEqualTo(status);
    assertThat(result.message()).contains(text);
  }

  @Test
  void aWaitingJobIsSuspendedResumedUpdatedTriggeredAndDeleted() {
    Job later = job("later");
    later.setTriggerTime(System.currentTimeMillis() + 3_600_000);
    submit(later);
    JobRef ref = JobRef.of("later", GROUP);

    assertStatus(operations.suspend(ref), OperationStatus.DONE, "Suspended job trade/later");
    assertThat(stored("later").state()).isEqualTo(JobState.SUSPENDED);
    assertStatus(operations.suspend(ref), OperationStatus.REFUSED, "suspended already");
    assertStatus(operations.triggerNow(ref), OperationStatus.REFUSED, "is suspended");
    assertStatus(operations.resume(ref), OperationStatus.DONE, "Resumed");
    assertStatus(operations.resume(ref), OperationStatus.REFUSED, "is not suspended");

    StoredJob before = stored("later");
    Job fields = job("later");
    fields.setPriority(3);
    fields.setParam("action", "updated");
    fields.setTriggerTime(before.triggerTime() + 60_000);
    assertStatus(operations.update(ref, fields), OperationStatus.DONE, "Updated");
    StoredJob updated = stored("later");
    assertThat(updated.job().getPriority()).isEqualTo(3);
    assertThat(updated.job().getParam("action")).isEqualTo("updated");
    assertThat(updated.triggerTime()).isEqualTo(before.triggerTime() + 60_000);
    assertStatus(
        operations.update(ref, fields, before.version()),
        OperationStatus.REFUSED,
        "was changed since version " + before.version());
    Job toCron = job("later");
    toCron.setCronExpression("0 0/5 * * * ?");
    assertStatus(operations.update(ref, toCron), OperationStatus.INVALID, "cannot become a cron");

    assertStatus(operations.triggerNow(ref), OperationStatus.DONE, "it is due now");
    await().atMost(Duration.ofSeconds(10)).until(() -> runner.runsOf("later") == 1);
    await().atMost(Duration.ofSeconds(10)).until(() -> store.jobs().find(GROUP, "later").isEmpty());
    assertThat(logTypes(updated.jobId()))
        .contains(
            JobLogType.SUSPENDED,
            JobLogType.RESUMED,
            JobLogType.UPDATED,
            JobLogType.TRIGGERED,
            JobLogType.FINISHED);

    Job doomed = job("doomed");
    doomed.setTriggerTime(System.currentTimeMillis() + 3_600_000);
    submit(doomed);
    String doomedId = stored("doomed").jobId();
    assertStatus(operations.delete(JobRef.ofJobId(doomedId)), OperationStatus.DONE, "Deleted job");
    assertThat(store.jobs().find(doomedId)).isEmpty();
    assertStatus(
        operations.delete(JobRef.ofJobId(doomedId)),
        OperationStatus.NOT_FOUND,
        "No job with jobId " + doomedId);
    assertStatus(
        operations.suspend(JobRef.of("never-submitted", GROUP)),
        OperationStatus.NOT_FOUND,
        "No job with taskId never-submitted in group trade");
    assertStatus(operations.resume(JobRef.of(null, GROUP)), OperationStatus.INVALID, "taskId");
  }

  @Test
  void aScheduleRunsOnceMoreNowKeepsItsCronOnABadUpdateAndIsSuspendedAndDeleted() {
    Job nightly = job("nightly");
    nightly.setCronExpression("0 0 3 1 1 ? 2099");
    nightly.setParam("action", "SUCCESS");
    submit(nightly);
    JobRef ref = JobRef.of("nightly", GROUP);

    assertStatus(operations.triggerNow(ref), OperationStatus.DONE, "one extra instance runs now");
    await().atMost(Duration.ofSeconds(10)).until(() -> runner.runsOf("nightly") == 1);

    Job broken = job("nightly");
    broken.setCronExpression("0 0 25 * * ?");
    OperationResult refused = operations.update(ref, broken);
    assertStatus(refused, OperationStatus.INVALID, "cronExpression");
    assertThat(stored("nightly").job().getCronExpression()).isEqualTo("0 0 3 1 1 ? 2099");

    Job weekly = job("nightly");
    weekly.setCronExpression("0 0 3 ? * MON 2099");
    assertStatus(operations.update(ref, weekly), OperationStatus.DONE, "Updated cron schedule");
    assertThat(stored("nightly").job().getCronExpression()).isEqualTo("0 0 3 ? * MON 2099");

    assertStatus(operations.suspend(ref), OperationStatus.DONE, "Suspended cron schedule");
    assertThat(store.jobs().countByGroup(JobQueue.SUSPENDED)).containsEntry(GROUP, 1L);
    assertStatus(operations.triggerNow(ref), OperationStatus.REFUSED, "resume it first");
    assertStatus(operations.resume(ref), OperationStatus.DONE, "Resumed");
    assertThat(store.jobs().countByGroup(JobQueue.CRON)).containsEntry(GROUP, 1L);
    assertStatus(operations.delete(ref), OperationStatus.DONE, "and its waiting instances");
    assertThat(store.jobs().find(GROUP, "nightly")).isEmpty();
  }

  @Test
  void aRunningJobIsNeitherSuspendedNorUpdatedNorDeleted() throws Exception {
    Job blocking = job("running");
    blocking.setParam("action", "BLOCK");
    submit(blocking);
    assertThat(runner.blocked.await(20, TimeUnit.SECONDS)).isTrue();
    JobRef ref = JobRef.of("running", GROUP);

    assertStatus(operations.suspend(ref), OperationStatus.REFUSED, "is running on TT_");
    assertStatus(operations.update(ref, job("running")), OperationStatus.REFUSED, "running");
    assertStatus(operations.triggerNow(ref), OperationStatus.REFUSED, "cannot be triggered");
    assertStatus(operations.delete(ref), OperationStatus.REFUSED, "cannot be deleted");
    assertThat(stored("running").state()).isEqualTo(JobState.EXECUTING);

    runner.release.countDown();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> store.jobs().find(GROUP, "running").isEmpty());
    assertThat(runner.runsOf("running")).isEqualTo(1);
  }

  @Test
  void aTerminatedRunEndsAsFailedAndIsNotRetried() throws Exception {
    Job blocking = job("stuck");
    blocking.setParam("action", "BLOCK");
    blocking.setMaxRetryTimes(3);
    submit(blocking);
    assertThat(runner.blocked.await(20, TimeUnit.SECONDS)).isTrue();
    String jobId = stored("stuck").jobId();
    JobRef ref = JobRef.of("stuck", GROUP);

    assertStatus(operations.terminate(ref), OperationStatus.DONE, "Terminated the run of job");
    List<JobLogEntry> log = finishedLog(jobId);
    assertThat(runner.runsOf("stuck")).isEqualTo(1);
    assertThat(log).extracting(JobLogEntry::type).contains(JobLogType.TERMINATED);
    assertThat(log).extracting(JobLogEntry::type).doesNotContain(JobLogType.RETRIED);
    JobLogEntry finished =
        log.stream().filter(e -> e.type() == JobLogType.FINISHED).findFirst().orElseThrow();
    // the runner's InterruptedException would have been retried; a terminate is a failure
    assertThat(finished.msg()).contains("EXECUTE_FAILED", "Terminated by", "EXECUTE_EXCEPTION");
    assertStatus(operations.terminate(ref), OperationStatus.NOT_FOUND, "No job with taskId stuck");

    Job waiting = job("waiting");
    waiting.setTriggerTime(System.currentTimeMillis() + 3_600_000);
    submit(waiting);
    assertStatus(
        operations.terminate(JobRef.of("waiting", GROUP)), OperationStatus.REFUSED, "not running");
  }

  @Test
  void anInterruptibleRunnerIsToldToStopEvenWhenItIgnoresThreadInterrupts() throws Exception {
    StopFlagRunner stopFlag = new StopFlagRunner();
    cluster.taskTracker("patient", 1, stopFlag);
    Job job = new Job();
    job.setTaskId("long-report");
    job.setTaskTrackerNodeGroup("patient");
    submit(job);
    assertThat(stopFlag.started.await(20, TimeUnit.SECONDS)).isTrue();
    String jobId = store.jobs().find("patient", "long-report").orElseThrow().jobId();

    assertStatus(
        operations.terminate(JobRef.ofJobId(jobId)), OperationStatus.DONE, "Terminated the run");
    JobLogEntry finished =
        finishedLog(jobId).stream()
            .filter(e -> e.type() == JobLogType.FINISHED)
            .findFirst()
            .orElseThrow();
    assertThat(finished.msg())
        .contains("EXECUTE_FAILED", "Terminated by", "EXECUTE_SUCCESS: stopped by interrupt()");
  }

  @Test
  void aDeadLetterIsKeptRetriedAndDeleted() {
    Job failing = job("flaky");
    failing.setParam("action", "THROW");
    failing.setParam("shop", "north");
    submit(failing);
    DeadJob dead = deadLetter("flaky", null);
    assertThat(dead.action()).isEqualTo("EXECUTE_EXCEPTION");
    assertThat(dead.msg()).contains("shop closed");
    assertThat(dead.job().getParam("shop")).isEqualTo("north");

    OperationResult retried = operations.retry(JobRef.ofJobId(dead.jobId()));
    assertStatus(retried, OperationStatus.DONE, "submitted again as job");
    assertThat(retried.jobId()).isNotEqualTo(dead.jobId());
    await().atMost(Duration.ofSeconds(20)).until(() -> runner.runsOf("flaky") == 2);
    DeadJob again = deadLetter("flaky", dead.jobId()); // it threw again: a new letter
    assertThat(again.jobId()).isEqualTo(retried.jobId());
    assertThat(store.deadJobs().find(dead.jobId())).isEmpty();
    assertStatus(
        operations.retry(JobRef.ofJobId(dead.jobId())),
        OperationStatus.NOT_FOUND,
        "No dead letter with jobId");

    Job blocker = job("flaky");
    blocker.setTriggerTime(System.currentTimeMillis() + 3_600_000);
    submit(blocker);
    assertStatus(
        operations.retry(JobRef.of("flaky", GROUP)),
        OperationStatus.REFUSED,
        "is in the queue now");
    assertStatus(operations.delete(JobRef.ofJobId(again.jobId())), OperationStatus.DONE, "dead");
    assertThat(store.deadJobs().find(again.jobId())).isEmpty();
  }

  @Test
  void aDeadInstanceOfAScheduleIsRetriedByRunningTheScheduleOnceMore() {
    Job nightly = job("nightly-fail");
    nightly.setCronExpression("0 0 3 1 1 ? 2099");
    nightly.setParam("action", "THROW");
    submit(nightly);
    JobRef schedule = JobRef.of("nightly-fail", GROUP);
    assertStatus(operations.triggerNow(schedule), OperationStatus.DONE, "one extra instance");
    DeadJob dead = deadLetter("nightly-fail", null);
    assertThat(dead.scheduleJobId()).isEqualTo(stored("nightly-fail").jobId());

    assertStatus(
        operations.retry(JobRef.of("nightly-fail", GROUP)),
        OperationStatus.DONE,
        "its schedule runs one extra instance now");
    await().atMost(Duration.ofSeconds(20)).until(() -> runner.runsOf("nightly-fail") == 2);
    assertThat(stored("nightly-fail").job().getCronExpression()).isEqualTo("0 0 3 1 1 ? 2099");
  }

  /** The dead letter of {@code taskId} other than {@code notJobId}, once it is there. */
  private DeadJob deadLetter(String taskId, String notJobId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> store.deadJobs().latest(GROUP, taskId),
            d -> d.isPresent() && !d.get().jobId().equals(notJobId))
        .orElseThrow();
  }

  /** Ignores thread interrupts (as much blocking code does) and stops only through interrupt(). */
  static final class StopFlagRunner implements InterruptibleJobRunner {
    final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean stopped;

    @Override
    public Result run(JobContext context) {
      started.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!stopped && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
      }
      return new Result(Action.EXECUTE_SUCCESS, stopped ? "stopped by interrupt()" : "timed out");
    }

    @Override
    public void interrupt() {
      stopped = true;
    }
  }

  /** The log of a job once it is gone from the store, with its FINISHED line. */
  private List<JobLogEntry> finishedLog(String jobId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                store.jobs().find(jobId).isPresent()
                    ? List.<JobLogEntry>of()
                    : store.jobLogs().query(JobLogQuery.forJob(jobId, 100)).items(),
            entries -> entries.stream().anyMatch(e -> e.type() == JobLogType.FINISHED));
  }

  private List<JobLogType> logTypes(String jobId) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                store.jobs().find(jobId).isPresent()
                    ? List.<JobLogType>of()
                    : store.jobLogs().query(JobLogQuery.forJob(jobId, 100)).items().stream()
                        .map(JobLogEntry::type)
                        .toList(),
            types -> types.contains(JobLogType.FINISHED));
  }
}
