package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Delivery guarantees the store carries: feedback written in the write that completes a job (an
 * outbox) and kept until acknowledged, pruned by age, unreadable entries skipped; submit ids that
 * recognise a re-sent submit whatever became of the first copy; replaceOnExist never replacing a
 * running job.
 */
public abstract class DeliveryContract extends StoreContractBase {

  private static final String CLIENTS = "clients";

  private static Job feedbackJob(String taskId) {
    Job job = job(taskId);
    job.setNeedFeedback(true);
    job.setSubmitNodeGroup(CLIENTS);
    return job;
  }

  private static Completion withFeedback(StoredJob run, Action action) {
    JobResult result = new JobResult(run.job(), action, "done", T0);
    result.setJobId(run.jobId());
    return Completion.withFeedback(run.attemptRef(), CLIENTS, result);
  }

  private List<Feedback> waiting() {
    return store().feedback().fetch(CLIENTS, null, 100).items();
  }

  @Test
  void completingAJobStoresItsFeedbackInTheSameWrite() {
    submitOne(feedbackJob("a"));
    StoredJob run = claimOne();

    AttemptOutcome outcome = jobs().finish(List.of(withFeedback(run, Action.EXECUTE_SUCCESS)));

    assertThat(outcome.accepted()).containsExactly(run.attemptRef());
    assertThat(jobs().find(run.jobId())).isEmpty();
    assertThat(waiting()).hasSize(1);
    Feedback entry = waiting().get(0);
    assertThat(entry.result().getJobId()).isEqualTo(run.jobId());
    assertThat(entry.result().getJob().getTaskId()).isEqualTo("a");
    assertThat(entry.result().getAction()).isEqualTo(Action.EXECUTE_SUCCESS);
    assertThat(store().feedback().countByGroup()).containsEntry(CLIENTS, 1L);
  }

  @Test
  void aRefusedCompletionStoresNoFeedback() {
    submitOne(feedbackJob("a"));
    StoredJob run = claimOne();
    StoredJob stale =
        new StoredJob(
            run.jobId(),
            run.kind(),
            run.state(),
            run.job(),
            run.attempt() - 1,
            run.retryTimes(),
            run.repeatedCount(),
            run.triggerTime(),
            run.taskTrackerIdentity(),
            run.leaseDeadline(),
            run.scheduleJobId(),
            run.scheduleTime(),
            run.version(),
            run.createdTime(),
            run.modifiedTime());

    AttemptOutcome outcome = jobs().finish(List.of(withFeedback(stale, Action.EXECUTE_FAILED)));

    assertThat(outcome.refused()).containsExactly(stale.attemptRef());
    assertThat(jobs().find(run.jobId())).isPresent();
    assertThat(waiting()).isEmpty();
    assertThat(jobs().finish(List.of(withFeedback(run, Action.EXECUTE_SUCCESS))).accepted())
        .hasSize(1);
    assertThat(waiting())
        .extracting(f -> f.result().getAction())
        .containsExactly(Action.EXECUTE_SUCCESS);
  }

  @Test
  void feedbackStaysUntilAJobClientOfItsGroupAcknowledgesIt() {
    jobs().submit(List.of(feedbackJob("a"), feedbackJob("b")));
    List<StoredJob> runs = jobs().claim(GROUP, WORKER, 2, LEASE);
    jobs().finish(runs.stream().map(r -> withFeedback(r, Action.EXECUTE_SUCCESS)).toList());

    // Reading it (a delivery attempt) takes nothing away; another group's ack neither.
    assertThat(waiting()).hasSize(2);
    assertThat(waiting()).hasSize(2);
    assertThat(store().feedback().acknowledge("others", List.of(runs.get(0).jobId()))).isZero();

    assertThat(store().feedback().acknowledge(CLIENTS, List.of(runs.get(0).jobId()))).isEqualTo(1);

    assertThat(waiting())
        .extracting(f -> f.result().getJobId())
        .containsExactly(runs.get(1).jobId());
    assertThat(store().feedback().acknowledge(CLIENTS, List.of(runs.get(0).jobId()))).isZero();
  }

  @Test
  void anUnreadableEntryIsSkippedAndTheOthersAreStillRead() throws Exception {
    store()
        .feedback()
        .add(CLIENTS, List.of(new JobResult(job("before"), Action.EXECUTE_SUCCESS, null, T0)));
    fixture().insertRawFeedback(CLIENTS, "{not json", T0);
    store()
        .feedback()
        .add(CLIENTS, List.of(new JobResult(job("after"), Action.EXECUTE_SUCCESS, null, T0)));

    assertThat(waiting())
        .extracting(f -> f.result().getJob().getTaskId())
        .containsExactly("before", "after");
    Page<Feedback> first = store().feedback().fetch(CLIENTS, null, 2);
    assertThat(first.items()).hasSize(1);
    assertThat(first.hasNext()).isTrue();
    assertThat(store().feedback().fetch(CLIENTS, first.nextCursor(), 2).items())
        .extracting(f -> f.result().getJob().getTaskId())
        .containsExactly("after");
  }

  @Test
  void retentionPrunesTheOldestEntriesInBoundedSteps() {
    for (int i = 0; i < 5; i++) {
      clock().set(T0 + i * 1_000L);
      store()
          .feedback()
          .add(CLIENTS, List.of(new JobResult(job("old" + i), Action.EXECUTE_SUCCESS, null, T0)));
    }
    clock().set(T0 + 10_000);
    store()
        .feedback()
        .add(CLIENTS, List.of(new JobResult(job("new"), Action.EXECUTE_SUCCESS, null, T0)));

    assertThat(store().feedback().pruneOlderThan(T0 + 5_000, 2)).isEqualTo(2);
    assertThat(waiting())
        .extracting(f -> f.result().getJob().getTaskId())
        .containsExactly("old2", "old3", "old4", "new");
    assertThat(store().feedback().pruneOlderThan(T0 + 5_000, 10)).isEqualTo(3);
    assertThat(store().feedback().pruneOlderThan(T0 + 5_000, 10)).isZero();
    assertThat(waiting()).extracting(f -> f.result().getJob().getTaskId()).containsExactly("new");
  }

  @Test
  void aResendOfAFinishedJobIsRecognisedBySubmitIdAndNotStoredAgain() {
    Job first = job("a");
    first.setSubmitId("submit-1");
    SubmitResult stored = jobs().submit(List.of(first)).get(0);
    assertThat(stored.status()).isEqualTo(SubmitStatus.ADDED);
    jobs().complete(List.of(claimOne().attemptRef()));

    Job resent = new Job(first);
    SubmitResult again = jobs().submit(List.of(resent)).get(0);

    assertThat(again.status()).isEqualTo(SubmitStatus.ALREADY_RECEIVED);
    assertThat(again.jobId()).isEqualTo(stored.jobId());
    assertThat(jobs().find(GROUP, "a")).isEmpty();
    assertThat(jobs().claim(GROUP, WORKER, 10, LEASE)).isEmpty();
  }

  @Test
  void aResendWithReplaceOnExistIsRecognisedWhileTheFirstCopyRuns() {
    Job first = job("a");
    first.setSubmitId("submit-1");
    first.setReplaceOnExist(true);
    String jobId = submitOne(first);
    StoredJob run = claimOne();

    SubmitResult again = jobs().submit(List.of(new Job(first))).get(0);

    assertThat(again.status()).isEqualTo(SubmitStatus.ALREADY_RECEIVED);
    assertThat(again.jobId()).isEqualTo(jobId);
    assertThat(jobs().complete(List.of(run.attemptRef())).accepted()).hasSize(1);
  }

  @Test
  void aSubmitIdTwiceInOneBatchIsStoredOnce() {
    Job one = job("a");
    one.setSubmitId("same");
    Job two = job("b");
    two.setSubmitId("same");

    List<SubmitResult> results = jobs().submit(List.of(one, two));

    assertThat(results)
        .extracting(SubmitResult::status)
        .containsExactly(SubmitStatus.ADDED, SubmitStatus.ALREADY_RECEIVED);
    assertThat(results.get(1).jobId()).isEqualTo(results.get(0).jobId());
    assertThat(jobs().find(GROUP, "b")).isEmpty();
  }

  @Test
  void replaceOnExistNeverReplacesARunningJob() {
    submitOne(job("a"));
    StoredJob run = claimOne();
    Job replacement = job("a");
    replacement.setReplaceOnExist(true);
    replacement.setPriority(5);
    replacement.setSubmitId("replacement");

    SubmitResult result = jobs().submit(List.of(replacement)).get(0);

    assertThat(result.status()).isEqualTo(SubmitStatus.REFUSED_RUNNING);
    assertThat(result.jobId()).isEqualTo(run.jobId());
    StoredJob still = jobs().find(run.jobId()).orElseThrow();
    assertThat(still.state()).isEqualTo(JobState.EXECUTING);
    assertThat(still.attempt()).isEqualTo(run.attempt());
    assertThat(still.job().getPriority()).isEqualTo(Job.DEFAULT_PRIORITY);
    assertThat(jobs().complete(List.of(run.attemptRef())).accepted()).hasSize(1);
    // A refused submit is not recorded: sent again once the job is gone, it is stored.
    assertThat(jobs().submit(List.of(replacement)).get(0).status()).isEqualTo(SubmitStatus.ADDED);
  }

  @Test
  void submitIdsOfFinishedJobsAreForgottenAfterTheirWindowAndLiveJobsKeepTheirs() {
    Job done = job("done");
    done.setSubmitId("s-done");
    Job waiting = job("waiting");
    waiting.setSubmitId("s-waiting");
    waiting.setTriggerTime(T0 + 3_600_000);
    jobs().submit(List.of(done, waiting));
    jobs().complete(List.of(claimOne().attemptRef()));
    clock().set(T0 + 1_000);
    Job later = job("later");
    later.setSubmitId("s-later");
    jobs().submit(List.of(later));

    assertThat(jobs().forgetSubmitIds(T0 + 1, 10)).isEqualTo(1);
    assertThat(jobs().forgetSubmitIds(T0 + 1, 10)).isZero();

    assertThat(jobs().submit(List.of(new Job(done))).get(0).status()).isEqualTo(SubmitStatus.ADDED);
    Job waitingAgain = new Job(waiting);
    waitingAgain.setReplaceOnExist(true);
    assertThat(jobs().submit(List.of(waitingAgain)).get(0).status())
        .isEqualTo(SubmitStatus.ALREADY_RECEIVED);
    assertThat(jobs().submit(List.of(new Job(later))).get(0).status())
        .isEqualTo(SubmitStatus.ALREADY_RECEIVED);
  }

  @Test
  void forgettingSubmitIdsGoesInBoundedSteps() {
    List<Job> batch = jobs("j", 5);
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).setSubmitId("s" + i);
    }
    jobs().submit(batch);
    jobs()
        .complete(
            jobs().claim(GROUP, WORKER, 5, LEASE).stream().map(StoredJob::attemptRef).toList());

    assertThat(jobs().forgetSubmitIds(T0 + 1, 2)).isEqualTo(2);
    assertThat(jobs().forgetSubmitIds(T0 + 1, 2)).isEqualTo(2);
    assertThat(jobs().forgetSubmitIds(T0 + 1, 2)).isEqualTo(1);
  }

  @Test
  void twoCopiesOfOneSubmitRacingAreStoredOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Store other = fixture().open(clock())) {
      for (int round = 0; round < 10; round++) {
        Job job = job("race" + round);
        job.setSubmitId("race-submit-" + round);
        job.setReplaceOnExist(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SubmitResult>> copies = new ArrayList<>();
        for (Store s : List.of(store(), other)) {
          Job copy = new Job(job);
          copies.add(
              pool.submit(
                  () -> {
                    start.await();
                    return s.jobs().submit(List.of(copy)).get(0);
                  }));
        }
        start.countDown();
        List<SubmitStatus> statuses = new ArrayList<>();
        for (Future<SubmitResult> f : copies) {
          statuses.add(f.get(30, TimeUnit.SECONDS).status());
        }
        assertThat(statuses)
            .as("round " + round)
            .containsExactlyInAnyOrder(SubmitStatus.ADDED, SubmitStatus.ALREADY_RECEIVED);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Completion deadLettered(StoredJob run) {
    return deadLettered(run, run.attemptRef());
  }

  private static Completion deadLettered(StoredJob run, AttemptRef attempt) {
    return Completion.of(attempt)
        .deadLettered(
            new DeadJob(
                run.jobId(),
                run.taskTrackerNodeGroup(),
                run.taskId(),
                run.job(),
                run.scheduleJobId(),
                run.attempt(),
                run.retryTimes(),
                Action.EXECUTE_EXCEPTION.name(),
                "shop closed",
                0));
  }

  @Test
  void aRunWhoseRetriesAreUsedUpIsKeptAsADeadLetterInTheSameWrite() {
    Job job = job("dying");
    job.setParam("shop", "north");
    job.setMaxRetryTimes(2);
    submitOne(job);
    StoredJob run = claimOne();
    clock().set(T0 + 1_000);

    assertThat(jobs().finish(List.of(deadLettered(run))).accepted())
        .containsExactly(run.attemptRef());

    assertThat(jobs().find(run.jobId())).isEmpty();
    DeadJob dead = store().deadJobs().find(run.jobId()).orElseThrow();
    assertThat(dead.taskId()).isEqualTo("dying");
    assertThat(dead.taskTrackerNodeGroup()).isEqualTo(GROUP);
    assertThat(dead.job().getParam("shop")).isEqualTo("north");
    assertThat(dead.job().getMaxRetryTimes()).isEqualTo(2);
    assertThat(dead.action()).isEqualTo("EXECUTE_EXCEPTION");
    assertThat(dead.msg()).isEqualTo("shop closed");
    assertThat(dead.attempt()).isEqualTo(run.attempt());
    assertThat(dead.deadTime()).isEqualTo(T0 + 1_000);
    assertThat(store().deadJobs().latest(GROUP, "dying")).contains(dead);
    assertThat(store().deadJobs().countByGroup()).containsExactly(Map.entry(GROUP, 1L));
  }

  @Test
  void aRefusedRunLeavesNoDeadLetter() {
    submitOne(job("late"));
    StoredJob run = claimOne();
    AttemptRef anotherAttempt = new AttemptRef(run.jobId(), run.attempt() + 1);

    assertThat(jobs().finish(List.of(deadLettered(run, anotherAttempt))).refused()).hasSize(1);

    assertThat(store().deadJobs().find(run.jobId())).isEmpty();
    assertThat(store().deadJobs().countByGroup()).isEmpty();
    assertThat(jobs().find(run.jobId())).isPresent();
  }

  @Test
  void deadLettersArePagedFilteredDeletedAndPrunedByAge() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      clock().set(T0 + i * 1_000L);
      submitOne(job("dead-" + (i % 2)));
      StoredJob run = claimOne();
      jobs().finish(List.of(deadLettered(run)));
      ids.add(run.jobId());
    }
    List<String> paged = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Page<DeadJob> page = store().deadJobs().browse(null, null, cursor, 2);
      page.items().forEach(d -> paged.add(d.jobId()));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(paged).containsExactlyElementsOf(ids.stream().sorted().toList());
    assertThat(store().deadJobs().browse(GROUP, "dead-1", null, 10).items())
        .extracting(DeadJob::jobId)
        .containsExactlyInAnyOrder(ids.get(1), ids.get(3));
    assertThat(store().deadJobs().browse("other-group", null, null, 10).items()).isEmpty();
    assertThat(store().deadJobs().latest(GROUP, "dead-0").orElseThrow().jobId())
        .isEqualTo(ids.get(4));

    assertThat(store().deadJobs().delete(ids.get(4))).isTrue();
    assertThat(store().deadJobs().delete(ids.get(4))).isFalse();
    assertThat(store().deadJobs().pruneOlderThan(T0 + 2_500, 2)).isEqualTo(2);
    assertThat(store().deadJobs().pruneOlderThan(T0 + 2_500, 2)).isEqualTo(1);
    assertThat(store().deadJobs().pruneOlderThan(T0 + 2_500, 2)).isZero();
    assertThat(store().deadJobs().browse(null, null, null, 10).items())
        .extracting(DeadJob::jobId)
        .containsExactly(ids.get(3));
  }
}
