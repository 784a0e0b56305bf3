package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobType;
import com.lts.core.domain.JobValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link JobStore} implementation must show, one operation at a time. */
public abstract class JobStoreContract extends StoreContractBase {

  @Test
  void submitStoresJobsAndReportsDuplicatesPerJob() {
    Job first = job("a");
    first.setParam("k", "v1");
    List<SubmitResult> added = jobs().submit(List.of(first, job("b")));
    assertThat(added)
        .extracting(SubmitResult::status)
        .containsExactly(SubmitStatus.ADDED, SubmitStatus.ADDED);

    Job again = job("a");
    again.setParam("k", "v2");
    List<SubmitResult> second = jobs().submit(List.of(again, job("c")));

    assertThat(second.get(0).status()).isEqualTo(SubmitStatus.DUPLICATE);
    assertThat(second.get(0).jobId()).isEqualTo(added.get(0).jobId());
    assertThat(second.get(1).status()).isEqualTo(SubmitStatus.ADDED);
    assertThat(jobs().find(GROUP, "a").orElseThrow().job().getParam("k")).isEqualTo("v1");
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE)).containsEntry(GROUP, 3L);
  }

  @Test
  void replaceOnExistReplacesTheJobAndKeepsItsId() {
    String id = submitOne(job("a"));
    Job replacement = job("a");
    replacement.setReplaceOnExist(true);
    replacement.setPriority(5);
    replacement.setParam("k", "new");

    SubmitResult result = jobs().submit(List.of(replacement)).get(0);

    assertThat(result.status()).isEqualTo(SubmitStatus.REPLACED);
    assertThat(result.jobId()).isEqualTo(id);
    StoredJob stored = jobs().find(id).orElseThrow();
    assertThat(stored.job().getPriority()).isEqualTo(5);
    assertThat(stored.job().getParam("k")).isEqualTo("new");
  }

  @Test
  void duplicatesInsideOneBatchAreReportedToo() {
    List<SubmitResult> results = jobs().submit(List.of(job("x"), job("x")));
    assertThat(results)
        .extracting(SubmitResult::status)
        .containsExactly(SubmitStatus.ADDED, SubmitStatus.DUPLICATE);
    assertThat(results.get(1).jobId()).isEqualTo(results.get(0).jobId());
  }

  @Test
  void invalidJobsAreRefusedAndNothingIsStored() {
    Job bad = job("ok-too");
    bad.setTaskTrackerNodeGroup("bad group!");
    Job huge = job("huge");
    huge.setParam("p", "x".repeat(Job.MAX_PARAMS_LENGTH + 1));

    assertThatThrownBy(() -> jobs().submit(List.of(job("fine"), bad)))
        .isInstanceOf(JobValidationException.class)
        .hasMessageContaining("taskTrackerNodeGroup");
    assertThatThrownBy(() -> jobs().submit(List.of(huge)))
        .isInstanceOf(JobValidationException.class)
        .hasMessageContaining("params");
    List<Job> tooMany = jobs("many", StoreArguments.MAX_SUBMIT_BATCH + 1);
    assertThatThrownBy(() -> jobs().submit(tooMany))
        .isInstanceOf(InvalidStoreArgumentException.class)
        .hasMessageContaining("at most");
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE)).isEmpty();
    assertThatThrownBy(() -> jobs().claim("no/such", WORKER, 1, LEASE))
        .isInstanceOf(InvalidStoreArgumentException.class);
  }

  @Test
  void claimSkipsPrioritiesWhoseJobsAreAllInTheFuture() {
    List<Job> submitted = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Job future = job("future-" + i);
      future.setPriority(1);
      future.setTriggerTime(T0 + 60_000 + i);
      submitted.add(future);
    }
    Job due = job("due");
    due.setPriority(2);
    due.setTriggerTime(T0 - 1);
    Job laterFuture = job("later-future");
    laterFuture.setPriority(3);
    laterFuture.setTriggerTime(T0 + 1);
    submitted.add(due);
    submitted.add(laterFuture);
    jobs().submit(submitted);

    assertThat(jobs().claim(GROUP, WORKER, 10, LEASE))
        .extracting(StoredJob::taskId)
        .containsExactly("due");
    clock().advance(60_000);
    assertThat(jobs().claim(GROUP, WORKER, 3, LEASE))
        .extracting(StoredJob::taskId)
        .containsExactly("future-0", "later-future");
  }

  /**
   * Claims may read on after the last row claimed (JDBC stores); a row that becomes due again
   * behind that place (a released run here) is still claimed, at the latest once the rows after it
   * run out.
   */
  @Test
  void rowsThatBecomeDueBehindWhereClaimsReadOnAreStillClaimed() {
    List<Job> submitted = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Job j = job(String.format("j%03d", i));
      j.setTriggerTime(T0 - 1_000 + i);
      submitted.add(j);
    }
    jobs().submit(submitted);

    List<StoredJob> first = jobs().claim(GROUP, WORKER, 100, LEASE);
    assertThat(first).hasSize(100);
    List<Release> releases = new ArrayList<>();
    first.subList(0, 10).forEach(j -> releases.add(new Release(j.attemptRef(), null)));
    assertThat(jobs().releaseAll(releases).accepted()).hasSize(10);

    List<String> afterRelease = new ArrayList<>();
    for (int round = 0; round < 10; round++) {
      clock().advance(1);
      List<StoredJob> batch = jobs().claim(GROUP, WORKER, 100, LEASE);
      if (batch.isEmpty()) {
        break;
      }
      batch.forEach(j -> afterRelease.add(j.taskId()));
    }
    assertThat(afterRelease).doesNotHaveDuplicates().hasSize(210);
    assertThat(afterRelease)
        .containsAll(first.subList(0, 10).stream().map(StoredJob::taskId).toList());
    clock().advance(1);
    assertThat(jobs().claim(GROUP, WORKER, 100, LEASE)).isEmpty();
  }

  /**
   * While a group stays busy, claims read on where the last ones ended: a more urgent job that
   * arrives meanwhile waits at most a second (the store's clock) for its turn.
   */
  @Test
  void aMoreUrgentJobIsClaimedWithinASecondWhileTheGroupStaysBusy() {
    List<Job> submitted = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Job j = job("busy-" + i);
      j.setPriority(5);
      j.setTriggerTime(T0 - 1_000 + i);
      submitted.add(j);
    }
    jobs().submit(submitted);
    assertThat(jobs().claim(GROUP, WORKER, 100, LEASE)).hasSize(100);
    Job urgent = job("urgent");
    urgent.setPriority(1);
    urgent.setTriggerTime(T0 - 1);
    jobs().submit(List.of(urgent));

    clock().advance(1_000);
    assertThat(jobs().claim(GROUP, WORKER, 100, LEASE))
        .extracting(StoredJob::taskId)
        .startsWith("urgent");
  }

  @Test
  void claimTakesJobsOfManyDistinctPrioritiesInPriorityOrder() {
    // More distinct priorities than a claim walks one by one: the rest are read in one go.
    List<Job> submitted = new ArrayList<>();
    for (int p = 40; p >= 1; p--) {
      Job j = job("p" + p);
      j.setPriority(p);
      j.setTriggerTime(T0 - p);
      submitted.add(j);
    }
    jobs().submit(submitted);

    List<StoredJob> first = jobs().claim(GROUP, WORKER, 30, LEASE);
    List<StoredJob> rest = jobs().claim(GROUP, WORKER, 30, LEASE);

    List<String> expected = new ArrayList<>();
    for (int p = 1; p <= 40; p++) {
      expected.add("p" + p);
    }
    assertThat(first)
        .extracting(StoredJob::taskId)
        .containsExactlyElementsOf(expected.subList(0, 30));
    assertThat(rest)
        .extracting(StoredJob::taskId)
        .containsExactlyElementsOf(expected.subList(30, 40));
  }

  @Test
  void claimTakesDueJobsByPriorityThenTriggerTime() {
    Job late = job("late");
    late.setTriggerTime(T0 + 60_000);
    Job low = job("low");
    low.setPriority(200);
    low.setTriggerTime(T0 - 5_000);
    Job urgentLater = job("urgent-later");
    urgentLater.setPriority(1);
    urgentLater.setTriggerTime(T0 - 1_000);
    Job urgentEarlier = job("urgent-earlier");
    urgentEarlier.setPriority(1);
    urgentEarlier.setTriggerTime(T0 - 2_000);
    jobs().submit(List.of(late, low, urgentLater, urgentEarlier));

    List<StoredJob> claimed = jobs().claim(GROUP, WORKER, 10, LEASE);

    assertThat(claimed)
        .extracting(StoredJob::taskId)
        .containsExactly("urgent-earlier", "urgent-later", "low");
    assertThat(claimed)
        .allSatisfy(
            j -> {
              assertThat(j.state()).isEqualTo(JobState.EXECUTING);
              assertThat(j.attempt()).isEqualTo(1);
              assertThat(j.taskTrackerIdentity()).isEqualTo(WORKER);
              assertThat(j.leaseDeadline()).isEqualTo(T0 + LEASE.toMillis());
            });
    assertThat(jobs().claim(GROUP, WORKER, 10, LEASE)).isEmpty();
    assertThat(jobs().claim("other-group", WORKER, 10, LEASE)).isEmpty();

    clock().advance(60_000);
    assertThat(jobs().claim(GROUP, WORKER, 10, LEASE))
        .extracting(StoredJob::taskId)
        .containsExactly("late");
  }

  @Test
  void submitAndClaimStoresTheDueOneTimeJobsOfTheGroupClaimedAndTheRestWaiting() {
    Job now = job("now");
    now.setParam("k", "v");
    Job dueTrigger = job("due-trigger");
    dueTrigger.setTriggerTime(T0);
    Job future = job("future");
    future.setTriggerTime(T0 + 60_000);
    Job otherGroup = job("other");
    otherGroup.setTaskTrackerNodeGroup("other-group");
    Job beyondMax = job("beyond-max");

    ClaimingSubmit outcome =
        jobs()
            .submitAndClaim(
                List.of(now, cron("cron"), dueTrigger, future, otherGroup, beyondMax),
                GROUP,
                WORKER,
                2,
                LEASE);

    assertThat(outcome.results())
        .extracting(SubmitResult::status)
        .containsOnly(SubmitStatus.ADDED)
        .hasSize(6);
    assertThat(outcome.claimed())
        .extracting(StoredJob::taskId)
        .containsExactly("now", "due-trigger");
    for (StoredJob run : outcome.claimed()) {
      assertThat(run.state()).isEqualTo(JobState.EXECUTING);
      assertThat(run.attempt()).isEqualTo(1);
      assertThat(run.taskTrackerIdentity()).isEqualTo(WORKER);
      assertThat(run.leaseDeadline()).isEqualTo(T0 + LEASE.toMillis());
      StoredJob stored = jobs().find(run.jobId()).orElseThrow();
      assertThat(stored.state()).isEqualTo(JobState.EXECUTING);
      assertThat(stored.attempt()).isEqualTo(run.attempt());
      assertThat(stored.version()).isEqualTo(run.version());
      assertThat(stored.taskTrackerIdentity()).isEqualTo(WORKER);
      assertThat(stored.leaseDeadline()).isEqualTo(run.leaseDeadline());
      assertThat(stored.triggerTime()).isEqualTo(run.triggerTime());
    }
    JobMeta meta = outcome.claimed().get(0).toJobMeta();
    assertThat(meta.getJobId()).isEqualTo(outcome.results().get(0).jobId());
    assertThat(meta.getAttempt()).isEqualTo(1);
    assertThat(meta.getJobType()).isEqualTo(JobType.REAL_TIME);
    assertThat(meta.getJob().getParam("k")).isEqualTo("v");
    assertThat(meta.getTriggerTime()).isEqualTo(T0);
    assertThat(jobs().countByGroup(JobQueue.EXECUTING)).containsEntry(GROUP, 2L);
    // The rest waits as a submit leaves it: the group's next claim takes the job past max.
    assertThat(jobs().claim(GROUP, WORKER, 10, LEASE))
        .extracting(StoredJob::taskId)
        .containsExactly("beyond-max");
    assertThat(jobs().claim("other-group", WORKER, 10, LEASE))
        .extracting(StoredJob::taskId)
        .containsExactly("other");
    // A job claimed at its submit ends like any claimed job, for its attempt only.
    StoredJob first = outcome.claimed().get(0);
    assertThat(jobs().complete(List.of(new AttemptRef(first.jobId(), 0))).accepted()).isEmpty();
    assertThat(jobs().complete(List.of(first.attemptRef())).accepted())
        .containsExactly(first.attemptRef());
  }

  @Test
  void submitAndClaimClaimsNothingItDidNotAdd() {
    Job stored = job("exists");
    stored.setSubmitId("sent-before");
    String storedId = submitOne(stored);
    Job resent = job("resent");
    resent.setSubmitId("sent-before");
    Job replacement = job("exists-too");
    submitOne(replacement);
    Job replacing = job("exists-too");
    replacing.setReplaceOnExist(true);

    ClaimingSubmit outcome =
        jobs()
            .submitAndClaim(
                List.of(resent, job("exists"), replacing, job("fresh")), GROUP, WORKER, 10, LEASE);

    assertThat(outcome.results())
        .extracting(SubmitResult::status)
        .containsExactly(
            SubmitStatus.ALREADY_RECEIVED,
            SubmitStatus.DUPLICATE,
            SubmitStatus.REPLACED,
            SubmitStatus.ADDED);
    assertThat(outcome.results().get(0).jobId()).isEqualTo(storedId);
    assertThat(outcome.claimed()).extracting(StoredJob::taskId).containsExactly("fresh");
    assertThat(jobs().find(GROUP, "exists-too").orElseThrow().state())
        .isEqualTo(JobState.EXECUTABLE);
  }

  @Test
  void aClaimAfterALargeDrainTakesNewJobsInPriorityOrder() {
    for (int batch = 0; batch < 4; batch++) {
      jobs().submit(jobs("drained-" + batch + "-", 500));
    }
    int drained = 0;
    while (true) {
      List<StoredJob> claimed = jobs().claim(GROUP, WORKER, 100, LEASE);
      if (claimed.isEmpty()) {
        break;
      }
      jobs().complete(claimed.stream().map(StoredJob::attemptRef).toList());
      drained += claimed.size();
    }
    assertThat(drained).isEqualTo(2_000);
    Job low = job("new-low");
    low.setPriority(Job.DEFAULT_PRIORITY + 1);
    Job urgent = job("new-urgent");
    urgent.setPriority(1);
    jobs().submit(List.of(low, job("new-default"), urgent));

    assertThat(jobs().claim(GROUP, WORKER, 10, LEASE))
        .extracting(StoredJob::taskId)
        .containsExactly("new-urgent", "new-default", "new-low");
  }

  @Test
  void claimedJobCarriesWhatAJobMetaNeeds() {
    Job job = job("meta");
    job.setParam("k", "v");
    job.setMaxRetryTimes(3);
    job.setNeedFeedback(true);
    job.setSubmitNodeGroup("client-group");
    String id = submitOne(job);

    JobMeta meta = claimOne().toJobMeta();

    assertThat(meta.getJobId()).isEqualTo(id);
    assertThat(meta.getAttempt()).isEqualTo(1);
    assertThat(meta.getJobType()).isEqualTo(JobType.REAL_TIME);
    assertThat(meta.getJob().getTriggerTime()).isNull();
    assertThat(meta.getJob().getParam("k")).isEqualTo("v");
    assertThat(meta.getJob().getMaxRetryTimes()).isEqualTo(3);
    assertThat(meta.getJob().isNeedFeedback()).isTrue();
    assertThat(meta.getJob().getSubmitNodeGroup()).isEqualTo("client-group");
    assertThat(meta.getTriggerTime()).isEqualTo(T0);
  }

  @Test
  void completeRemovesTheJobOnlyForTheCurrentAttempt() {
    submitOne(job("a"));
    StoredJob run = claimOne();
    AttemptRef stale = new AttemptRef(run.jobId(), run.attempt() - 1);

    AttemptOutcome refused = jobs().complete(List.of(stale));
    assertThat(refused.accepted()).isEmpty();
    assertThat(refused.refused()).containsExactly(stale);
    assertThat(jobs().find(run.jobId())).isPresent();

    AttemptOutcome done = jobs().complete(List.of(run.attemptRef()));
    assertThat(done.accepted()).containsExactly(run.attemptRef());
    assertThat(jobs().find(run.jobId())).isEmpty();
    assertThat(jobs().complete(List.of(run.attemptRef())).refused())
        .containsExactly(run.attemptRef());
  }

  @Test
  void staleRenewalIsRefusedAndChangesNothing() {
    submitOne(job("a"));
    StoredJob run = claimOne();
    clock().advance(3_000);

    AttemptOutcome outcome =
        jobs()
            .renewLeases(
                List.of(new AttemptRef(run.jobId(), run.attempt() + 1), run.attemptRef()), LEASE);

    assertThat(outcome.refused())
        .extracting(AttemptRef::attempt)
        .containsExactly(run.attempt() + 1);
    assertThat(outcome.accepted()).containsExactly(run.attemptRef());
    StoredJob after = jobs().find(run.jobId()).orElseThrow();
    assertThat(after.leaseDeadline()).isEqualTo(T0 + 3_000 + LEASE.toMillis());
    assertThat(after.attempt()).isEqualTo(run.attempt());
  }

  @Test
  void retryLaterWaitsUntilTheNewTriggerTimeAndCountsTheRetry() {
    submitOne(job("a"));
    StoredJob run = claimOne();

    AttemptOutcome outcome =
        jobs().retryLater(List.of(new RetryLater(run.attemptRef(), T0 + 30_000)));

    assertThat(outcome.allAccepted()).isTrue();
    StoredJob waiting = jobs().find(run.jobId()).orElseThrow();
    assertThat(waiting.state()).isEqualTo(JobState.EXECUTABLE);
    assertThat(waiting.retryTimes()).isEqualTo(1);
    assertThat(waiting.triggerTime()).isEqualTo(T0 + 30_000);
    assertThat(waiting.taskTrackerIdentity()).isNull();
    assertThat(jobs().claim(GROUP, WORKER, 1, LEASE)).isEmpty();
    assertThat(jobs().retryLater(List.of(new RetryLater(run.attemptRef(), T0))).refused())
        .hasSize(1);

    clock().advance(30_000);
    StoredJob second = claimOne();
    assertThat(second.attempt()).isEqualTo(run.attempt() + 1);
    assertThat(second.retryTimes()).isEqualTo(1);
  }

  @Test
  void releaseReturnsTheJobWithoutCountingARetry() {
    submitOne(job("a"));
    StoredJob run = claimOne();
    assertThat(jobs().release(List.of(run.attemptRef())).allAccepted()).isTrue();
    StoredJob again = claimOne();
    assertThat(again.retryTimes()).isZero();
    assertThat(again.attempt()).isEqualTo(run.attempt() + 1);
  }

  @Test
  void expiredLeasesGoBackToExecutableWithTheAttemptBumped() {
    jobs().submit(jobs("j", 3));
    List<StoredJob> runs = jobs().claim(GROUP, WORKER, 3, LEASE);
    clock().advance(5_000);
    jobs().renewLeases(List.of(runs.get(0).attemptRef()), LEASE);
    clock().advance(6_000);

    List<ExpiredLease> expired = jobs().expireLeases(100);

    assertThat(expired)
        .extracting(ExpiredLease::jobId)
        .containsExactlyInAnyOrder(runs.get(1).jobId(), runs.get(2).jobId());
    assertThat(expired)
        .allSatisfy(
            e -> {
              assertThat(e.taskTrackerIdentity()).isEqualTo(WORKER);
              assertThat(e.expiredAttempt()).isEqualTo(1);
            });
    StoredJob back = jobs().find(runs.get(1).jobId()).orElseThrow();
    assertThat(back.state()).isEqualTo(JobState.EXECUTABLE);
    assertThat(back.attempt()).isEqualTo(2);
    assertThat(jobs().expireLeases(100)).isEmpty();
    assertThat(jobs().find(runs.get(0).jobId()).orElseThrow().state())
        .isEqualTo(JobState.EXECUTING);
  }

  @Test
  void aFinishedAttemptsResultIsAcceptedAfterItsLeaseEndedUntilTheJobIsDispatchedAgain() {
    jobs().submit(jobs("j", 3));
    List<StoredJob> runs = jobs().claim(GROUP, WORKER, 3, LEASE);
    clock().advance(LEASE.toMillis() + 1);
    assertThat(jobs().expireLeases(100)).hasSize(3);

    assertThat(jobs().complete(List.of(runs.get(0).attemptRef())).allAccepted())
        .as("expired, not yet claimed again: the result still ends the job")
        .isTrue();
    assertThat(jobs().find(runs.get(0).jobId())).isEmpty();
    assertThat(
            jobs()
                .retryLater(List.of(new RetryLater(runs.get(1).attemptRef(), clock().millis())))
                .allAccepted())
        .isTrue();
    assertThat(jobs().find(runs.get(1).jobId()).orElseThrow().retryTimes()).isEqualTo(1);

    List<StoredJob> again = jobs().claim(GROUP, WORKER, 3, LEASE);
    assertThat(again)
        .extracting(StoredJob::jobId)
        .containsExactlyInAnyOrder(runs.get(1).jobId(), runs.get(2).jobId());
    StoredJob third =
        again.stream().filter(j -> j.jobId().equals(runs.get(2).jobId())).findFirst().get();
    assertThat(jobs().complete(List.of(runs.get(2).attemptRef())).refused())
        .as("dispatched again: the old attempt is fenced off")
        .hasSize(1);
    assertThat(jobs().complete(List.of(third.attemptRef())).allAccepted()).isTrue();
  }

  @Test
  void aReleasedDispatchTakesNoResult() {
    submitOne(job("a"));
    StoredJob run = claimOne();
    jobs().release(List.of(run.attemptRef()));
    assertThat(jobs().complete(List.of(run.attemptRef())).refused()).hasSize(1);
    assertThat(jobs().find(run.jobId()).orElseThrow().state()).isEqualTo(JobState.EXECUTABLE);
  }

  @Test
  void endingTheLeasesOfAGoneTaskTrackerHandsOnlyItsJobsToTheNextExpiry() {
    jobs().submit(jobs("j", 3));
    List<StoredJob> gone = jobs().claim(GROUP, "TT_gone", 2, LEASE);
    List<StoredJob> alive = jobs().claim(GROUP, WORKER, 1, LEASE);

    assertThat(jobs().endLeasesOf("TT_gone")).isEqualTo(2);
    assertThat(jobs().endLeasesOf("TT_gone")).as("already ended").isZero();
    clock().advance(1);
    List<ExpiredLease> expired = jobs().expireLeases(100);

    assertThat(expired)
        .extracting(ExpiredLease::jobId)
        .containsExactlyInAnyOrderElementsOf(gone.stream().map(StoredJob::jobId).toList());
    assertThat(jobs().find(alive.get(0).jobId()).orElseThrow().state())
        .isEqualTo(JobState.EXECUTING);
    jobs().claim(GROUP, WORKER, 1, LEASE);
    assertThat(jobs().complete(gone.stream().map(StoredJob::attemptRef).toList()).accepted())
        .as("only the one not dispatched again")
        .hasSize(1);
  }

  @Test
  void attemptsAreReadForExistingJobsOnly() {
    jobs().submit(jobs("a", 2));
    List<StoredJob> claimed = jobs().claim(GROUP, WORKER, 1, LEASE);
    String waiting =
        jobs()
            .find(GROUP, claimed.get(0).taskId().equals("a0") ? "a1" : "a0")
            .orElseThrow()
            .jobId();
    assertThat(
            jobs()
                .attempts(
                    List.of(claimed.get(0).jobId(), waiting, "0123456789abcdef0123456789abcdef")))
        .containsOnly(
            java.util.Map.entry(claimed.get(0).jobId(), 1L), java.util.Map.entry(waiting, 0L));
    assertThat(jobs().attempts(List.of())).isEmpty();
  }

  @Test
  void suspendResumeCancelAndTriggerNow() {
    Job later = job("later");
    later.setTriggerTime(T0 + 3_600_000);
    String id = submitOne(later);

    assertThat(jobs().suspend(id)).isTrue();
    assertThat(jobs().suspend(id)).isFalse();
    assertThat(jobs().countByGroup(JobQueue.SUSPENDED)).containsEntry(GROUP, 1L);
    assertThat(jobs().triggerNow(id)).isFalse();
    assertThat(jobs().resume(id)).isTrue();
    assertThat(jobs().resume(id)).isFalse();

    assertThat(jobs().triggerNow(id)).isTrue();
    StoredJob run = claimOne();
    assertThat(run.jobId()).isEqualTo(id);
    assertThat(jobs().cancel(id)).as("a running job is not cancelled").isFalse();
    assertThat(jobs().suspend(id)).isFalse();

    jobs().release(List.of(run.attemptRef()));
    assertThat(jobs().cancel(GROUP, "later")).isTrue();
    assertThat(jobs().find(id)).isEmpty();
    assertThat(jobs().cancel(id)).isFalse();
  }

  @Test
  void editChangesFieldsWhenTheVersionStillMatches() {
    String id = submitOne(job("a"));
    StoredJob before = jobs().find(id).orElseThrow();
    Job changed = job("a");
    changed.setPriority(7);
    changed.setParam("k", "edited");
    changed.setTriggerTime(T0 + 1_000);

    assertThat(jobs().edit(id, before.version(), changed)).isTrue();
    assertThat(jobs().edit(id, before.version(), changed)).as("stale version").isFalse();

    StoredJob after = jobs().find(id).orElseThrow();
    assertThat(after.job().getPriority()).isEqualTo(7);
    assertThat(after.job().getParam("k")).isEqualTo("edited");
    assertThat(after.triggerTime()).isEqualTo(T0 + 1_000);
    assertThat(after.version()).isGreaterThan(before.version());

    Job renamed = job("b");
    assertThatThrownBy(() -> jobs().edit(id, after.version(), renamed))
        .isInstanceOf(InvalidStoreArgumentException.class)
        .hasMessageContaining("taskId");
    Job toCron = cron("a");
    assertThatThrownBy(() -> jobs().edit(id, after.version(), toCron))
        .isInstanceOf(InvalidStoreArgumentException.class);
  }

  @Test
  void schedulesAreStoredAsDefinitionsAndCreateInstancesOncePerTriggerTime() {
    String cronId = submitOne(cron("every-minute"));
    String repeatId = submitOne(repeat("thrice"));
    assertThat(jobs().countByGroup(JobQueue.CRON)).containsEntry(GROUP, 1L);
    assertThat(jobs().countByGroup(JobQueue.REPEAT)).containsEntry(GROUP, 1L);
    assertThat(jobs().claim(GROUP, WORKER, 10, LEASE)).as("definitions never run").isEmpty();

    InstanceResult first = jobs().createInstance(cronId, T0 + 60_000);
    InstanceResult again = jobs().createInstance(cronId, T0 + 60_000);
    InstanceResult older = jobs().createInstance(cronId, T0 + 30_000);

    assertThat(first.status()).isEqualTo(InstanceResult.Status.CREATED);
    assertThat(again).isEqualTo(new InstanceResult(InstanceResult.Status.EXISTS, first.jobId()));
    assertThat(older.status()).isEqualTo(InstanceResult.Status.EXISTS);
    assertThat(jobs().createInstance(repeatId, T0).status())
        .isEqualTo(InstanceResult.Status.CREATED);
    assertThat(jobs().createInstance("0000000000000000", T0).status())
        .isEqualTo(InstanceResult.Status.NO_SCHEDULE);

    clock().advance(60_000);
    List<StoredJob> runs = jobs().claim(GROUP, WORKER, 10, LEASE);
    assertThat(runs).extracting(StoredJob::kind).containsOnly(JobKind.INSTANCE);
    StoredJob cronRun =
        runs.stream().filter(r -> r.scheduleJobId().equals(cronId)).findFirst().orElseThrow();
    assertThat(cronRun.scheduleTime()).isEqualTo(T0 + 60_000);
    assertThat(cronRun.jobType()).isEqualTo(JobType.CRON);
    assertThat(cronRun.taskId()).isEqualTo("every-minute");

    StoredJob schedule = jobs().find(cronId).orElseThrow();
    assertThat(schedule.repeatedCount()).isEqualTo(1);
    assertThat(schedule.triggerTime()).isEqualTo(T0 + 60_000);
    assertThat(jobs().createInstance(cronId, T0 + 120_000).status())
        .isEqualTo(InstanceResult.Status.CREATED);
    assertThat(jobs().find(cronId).orElseThrow().repeatedCount()).isEqualTo(2);
  }

  @Test
  void instancesOfManySchedulesAreCreatedInOneCallWithEachOutcomeInOrder() {
    String a = submitOne(cron("batch-a"));
    String b = submitOne(cron("batch-b"));
    String suspended = submitOne(cron("batch-suspended"));
    String finished = submitOne(cron("batch-cancelled"));
    InstanceResult existing = jobs().createInstance(b, T0 + 60_000);
    assertThat(jobs().suspend(suspended)).isTrue();
    assertThat(jobs().cancel(finished)).isTrue();

    List<InstanceResult> results =
        jobs()
            .createInstances(
                List.of(
                    new InstanceRequest(b, T0 + 120_000),
                    new InstanceRequest(a, T0 + 60_000),
                    new InstanceRequest(suspended, T0 + 60_000),
                    new InstanceRequest(a, T0 + 120_000),
                    new InstanceRequest(finished, T0 + 60_000)));

    assertThat(results)
        .extracting(InstanceResult::status)
        .containsExactly(
            InstanceResult.Status.CREATED,
            InstanceResult.Status.CREATED,
            InstanceResult.Status.NO_SCHEDULE,
            InstanceResult.Status.CREATED,
            InstanceResult.Status.NO_SCHEDULE);
    assertThat(results.get(0).jobId()).isNotEqualTo(existing.jobId());
    assertThat(jobs().find(a).orElseThrow().repeatedCount()).isEqualTo(2);
    assertThat(jobs().find(a).orElseThrow().triggerTime()).isEqualTo(T0 + 120_000);
    assertThat(jobs().find(b).orElseThrow().repeatedCount()).isEqualTo(2);
    assertThat(jobs().liveInstances(List.of(a, b, suspended)))
        .containsOnly(entry(a, 2), entry(b, 2));

    // An instant that has its instance already: that one is EXISTS, the others are still made.
    List<InstanceResult> again =
        jobs()
            .createInstances(
                List.of(
                    new InstanceRequest(a, T0 + 120_000), new InstanceRequest(b, T0 + 180_000)));
    assertThat(again.get(0))
        .isEqualTo(new InstanceResult(InstanceResult.Status.EXISTS, results.get(3).jobId()));
    assertThat(again.get(1).status()).isEqualTo(InstanceResult.Status.CREATED);
    assertThat(jobs().liveInstances(List.of(a, b))).containsOnly(entry(a, 2), entry(b, 3));
  }

  @Test
  void manyJobsAreFoundByIdInOneCall() {
    String a = submitOne(job("find-a"));
    String b = submitOne(cron("find-b"));
    Map<String, StoredJob> found = jobs().find(List.of(a, b, "0000000000000000"));
    assertThat(found).containsOnlyKeys(a, b);
    assertThat(found.get(a).taskId()).isEqualTo("find-a");
    assertThat(found.get(b).kind()).isEqualTo(JobKind.SCHEDULE);
    assertThat(jobs().find(List.<String>of())).isEmpty();
  }

  @Test
  void suspendedOrCancelledSchedulesCreateNoInstances() {
    String cronId = submitOne(cron("c"));
    jobs().createInstance(cronId, T0 + 60_000);

    assertThat(jobs().suspend(cronId)).isTrue();
    assertThat(jobs().createInstance(cronId, T0 + 120_000).status())
        .isEqualTo(InstanceResult.Status.NO_SCHEDULE);
    assertThat(jobs().countByGroup(JobQueue.CRON)).isEmpty();
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE))
        .as("suspending took the waiting instance away")
        .isEmpty();
    assertThat(jobs().resume(cronId)).isTrue();
    assertThat(jobs().find(cronId).orElseThrow().state()).isEqualTo(JobState.SCHEDULED);
    assertThat(jobs().triggerNow(cronId)).isTrue();
    assertThat(jobs().createInstance(cronId, T0 + 120_000).status())
        .isEqualTo(InstanceResult.Status.CREATED);
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE)).containsEntry(GROUP, 2L);

    assertThat(jobs().cancel(cronId)).isTrue();
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE)).as("waiting instances go too").isEmpty();
    assertThat(jobs().createInstance(cronId, T0 + 180_000).status())
        .isEqualTo(InstanceResult.Status.NO_SCHEDULE);
  }

  @Test
  void aOneTimeJobAndAScheduleShareTheTaskIdKey() {
    submitOne(cron("same"));
    assertThat(jobs().submit(List.of(job("same"))).get(0).status())
        .isEqualTo(SubmitStatus.DUPLICATE);
  }

  @Test
  void browseFiltersByGroupAndTaskIdAndPagesWithACursor() {
    jobs().submit(jobs("p", 25));
    Job other = job("p0");
    other.setTaskTrackerNodeGroup("other");
    jobs().submit(List.of(other));

    Page<StoredJob> first = jobs().browse(QueueQuery.of(JobQueue.EXECUTABLE, 10).group(GROUP));
    Page<StoredJob> second =
        jobs()
            .browse(QueueQuery.of(JobQueue.EXECUTABLE, 10).group(GROUP).after(first.nextCursor()));
    Page<StoredJob> third =
        jobs()
            .browse(QueueQuery.of(JobQueue.EXECUTABLE, 10).group(GROUP).after(second.nextCursor()));

    assertThat(first.items()).hasSize(10);
    assertThat(second.items()).hasSize(10);
    assertThat(third.items()).hasSize(5);
    assertThat(third.hasNext()).isFalse();
    assertThat(jobs().browse(QueueQuery.of(JobQueue.EXECUTABLE, 10).taskId("p0")).items())
        .extracting(StoredJob::taskTrackerNodeGroup)
        .containsExactlyInAnyOrder(GROUP, "other");
    assertThat(jobs().browse(QueueQuery.of(JobQueue.EXECUTING, 10)).items()).isEmpty();
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE)).isEqualTo(Map.of(GROUP, 25L, "other", 1L));
  }

  @Test
  void browseFiltersBySubmitGroupAndTriggerTimeRange() {
    for (int i = 0; i < 6; i++) {
      Job job = job("t" + i);
      job.setSubmitNodeGroup(i % 2 == 0 ? "jc-even" : "jc-odd");
      job.setTriggerTime(T0 + i * 1_000L);
      jobs().submit(List.of(job));
    }

    QueueQuery even = QueueQuery.of(JobQueue.EXECUTABLE, 2).submitGroup("jc-even");
    Page<StoredJob> first = jobs().browse(even);
    Page<StoredJob> second = jobs().browse(even.after(first.nextCursor()));
    assertThat(first.items()).hasSize(2);
    assertThat(second.items()).hasSize(1);
    assertThat(second.hasNext()).isFalse();
    assertThat(first.items().get(0).jobId()).isLessThan(second.items().get(0).jobId());
    assertThat(
            jobs()
                .browse(
                    QueueQuery.of(JobQueue.EXECUTABLE, 100).triggerBetween(T0 + 1_000, T0 + 4_000))
                .items())
        .extracting(StoredJob::taskId)
        .containsExactlyInAnyOrder("t1", "t2", "t3");
    assertThat(
            jobs()
                .browse(
                    QueueQuery.of(JobQueue.EXECUTABLE, 100)
                        .submitGroup("jc-odd")
                        .triggerBetween(T0 + 1_000, T0 + 4_000))
                .items())
        .extracting(StoredJob::taskId)
        .containsExactlyInAnyOrder("t1", "t3");
    assertThatThrownBy(() -> jobs().browse(QueueQuery.of(JobQueue.EXECUTABLE, 10).submitGroup(" ")))
        .isInstanceOf(InvalidStoreArgumentException.class)
        .hasMessageContaining("submitNodeGroup");
  }

  @Test
  void editingAScheduleReplansItsWaitingInstancesWithTheNewFields() {
    Job every = cron("edited");
    every.setParam("k", "old");
    String cronId = submitOne(every);
    jobs().createInstance(cronId, T0 + 60_000);
    jobs().createInstance(cronId, T0 + 120_000);
    StoredJob running = claimDueAt(T0 + 60_000);
    StoredJob before = jobs().find(cronId).orElseThrow();

    Job changed = cron("edited");
    changed.setCronExpression("0 0/5 * * * ?");
    changed.setParam("k", "new");
    assertThat(jobs().edit(cronId, before.version(), changed)).isTrue();

    StoredJob after = jobs().find(cronId).orElseThrow();
    assertThat(after.job().getCronExpression()).isEqualTo("0 0/5 * * * ?");
    assertThat(after.repeatedCount()).as("the removed instance no longer counts").isEqualTo(1);
    assertThat(after.triggerTime()).isEqualTo(T0 + 120_000 - 1);
    assertThat(jobs().browse(QueueQuery.of(JobQueue.EXECUTABLE, 10)).items())
        .as("the waiting instance with the old fields is gone")
        .isEmpty();
    assertThat(jobs().find(running.jobId())).as("the running instance runs on").isPresent();
    InstanceResult again = jobs().createInstance(cronId, T0 + 300_000);
    assertThat(again.status()).isEqualTo(InstanceResult.Status.CREATED);
    assertThat(jobs().find(again.jobId()).orElseThrow().job().getParam("k")).isEqualTo("new");
  }

  @Test
  void editingARepeatRewindsToItsFirstRemovedInstant() {
    String repeatId = submitOne(repeat("r"));
    jobs().createInstance(repeatId, T0);
    jobs().createInstance(repeatId, T0 + 1_000);
    StoredJob before = jobs().find(repeatId).orElseThrow();
    Job changed = repeat("r");
    changed.setRepeatInterval(5_000L);

    assertThat(jobs().edit(repeatId, before.version(), changed)).isTrue();

    StoredJob after = jobs().find(repeatId).orElseThrow();
    assertThat(after.repeatedCount()).isZero();
    assertThat(after.triggerTime()).as("the first instant again").isEqualTo(T0);
    assertThat(after.job().getRepeatInterval()).isEqualTo(5_000L);
  }

  @Test
  void anInvalidEditIsRefusedAndChangesNothing() {
    String cronId = submitOne(cron("bad"));
    jobs().createInstance(cronId, T0 + 60_000);
    StoredJob before = jobs().find(cronId).orElseThrow();
    Job broken = cron("bad");
    broken.setCronExpression("not a cron");

    assertThatThrownBy(() -> jobs().edit(cronId, before.version(), broken))
        .isInstanceOf(JobValidationException.class)
        .hasMessageContaining("cronExpression");

    StoredJob after = jobs().find(cronId).orElseThrow();
    assertThat(after.version()).isEqualTo(before.version());
    assertThat(after.job().getCronExpression()).isEqualTo("0 0/1 * * * ?");
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE)).containsEntry(GROUP, 1L);
  }

  private StoredJob claimDueAt(long time) {
    long now = clock().millis();
    clock().set(time);
    try {
      return claimOne();
    } finally {
      clock().set(now);
    }
  }
}
