package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.BizLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store that keeps the job log ({@code job.logger=store}, the default) writes each lifecycle line
 * with the change it records, and none for a change it refuses.
 */
public abstract class LifecycleLogContract extends StoreContractBase {

  private List<JobLogEntry> lines(String jobId) {
    return store().jobLogs().query(JobLogQuery.forJob(jobId, 100)).items();
  }

  private List<JobLogType> types(String jobId) {
    return lines(jobId).stream().map(JobLogEntry::type).toList();
  }

  private static JobLogEntry line(StoredJob run, JobLogType type, String msg) {
    return JobLogEntry.of(
        T0,
        run.jobId(),
        run.taskTrackerNodeGroup(),
        run.taskId(),
        run.attempt(),
        type,
        BizLog.Level.INFO,
        WORKER,
        msg);
  }

  private static AttemptRef stale(StoredJob run) {
    return new AttemptRef(run.jobId(), run.attempt() - 1);
  }

  @Test
  void aSubmitWritesOneReceivedLinePerStoredJobAndNoneForADuplicate() {
    String id = submitOne(job("a"));
    jobs().submit(List.of(job("a")));

    assertThat(types(id)).containsExactly(JobLogType.RECEIVED);
    assertThat(lines(id).get(0).taskId()).isEqualTo("a");
    assertThat(lines(id).get(0).attempt()).isZero();
  }

  @Test
  void aClaimWritesOneDispatchedLinePerClaimedJobWithItsAttempt() {
    jobs().submit(jobs("c", 3));

    List<StoredJob> claimed = jobs().claim(GROUP, WORKER, 2, LEASE);

    assertThat(claimed).hasSize(2);
    for (StoredJob run : claimed) {
      assertThat(lines(run.jobId()))
          .filteredOn(e -> e.type() == JobLogType.DISPATCHED)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.attempt()).isEqualTo(run.attempt());
                assertThat(e.taskTrackerIdentity()).isEqualTo(WORKER);
              });
    }
    List<String> claimedIds = claimed.stream().map(StoredJob::jobId).toList();
    StoredJob left =
        jobs().browse(QueueQuery.of(JobQueue.EXECUTABLE, 10)).items().stream()
            .filter(j -> !claimedIds.contains(j.jobId()))
            .findFirst()
            .orElseThrow();
    assertThat(types(left.jobId())).containsExactly(JobLogType.RECEIVED);
  }

  @Test
  void aSubmitThatClaimsWritesTheReceivedAndTheDispatchedLineOfEachClaimedJob() {
    ClaimingSubmit outcome =
        jobs().submitAndClaim(List.of(job("s1"), job("s2")), GROUP, WORKER, 1, LEASE);

    StoredJob run = outcome.claimed().get(0);
    assertThat(types(run.jobId()))
        .containsExactlyInAnyOrder(JobLogType.RECEIVED, JobLogType.DISPATCHED);
    assertThat(lines(run.jobId()))
        .filteredOn(e -> e.type() == JobLogType.DISPATCHED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.attempt()).isEqualTo(1);
              assertThat(e.taskTrackerIdentity()).isEqualTo(WORKER);
            });
    assertThat(types(outcome.results().get(1).jobId())).containsExactly(JobLogType.RECEIVED);
  }

  @Test
  void aClaimOfNothingWritesNothing() {
    assertThat(jobs().claim(GROUP, WORKER, 5, LEASE)).isEmpty();

    assertThat(store().jobLogs().query(JobLogQuery.forTask(GROUP, "none", 10)).items()).isEmpty();
    assertThat(store().jobLogs().query(JobLogQuery.between(0, Long.MAX_VALUE, 10)).items())
        .isEmpty();
  }

  @Test
  void aFinishWritesItsLineOnlyWhenTheRunIsAccepted() {
    submitOne(job("f"));
    StoredJob run = claimOne();

    AttemptOutcome refused =
        jobs()
            .finish(
                List.of(Completion.of(stale(run)).logged(line(run, JobLogType.FINISHED, "late"))));
    AttemptOutcome accepted =
        jobs()
            .finish(
                List.of(
                    Completion.of(run.attemptRef()).logged(line(run, JobLogType.FINISHED, "ok"))));

    assertThat(refused.refused()).hasSize(1);
    assertThat(accepted.accepted()).containsExactly(run.attemptRef());
    assertThat(lines(run.jobId()))
        .filteredOn(e -> e.type() == JobLogType.FINISHED)
        .extracting(JobLogEntry::msg)
        .containsExactly("ok");
  }

  @Test
  void aRetryAndAReleaseWriteTheirLinesOnlyWhenAccepted() {
    submitOne(job("r"));
    StoredJob run = claimOne();

    jobs().retryLater(List.of(new RetryLater(stale(run), T0, line(run, JobLogType.RETRIED, "no"))));
    jobs()
        .retryLater(
            List.of(new RetryLater(run.attemptRef(), T0, line(run, JobLogType.RETRIED, "retry"))));
    StoredJob again = claimOne();
    jobs().releaseAll(List.of(new Release(stale(again), line(again, JobLogType.RETRIED, "no"))));
    jobs()
        .releaseAll(
            List.of(new Release(again.attemptRef(), line(again, JobLogType.RETRIED, "released"))));

    assertThat(lines(run.jobId()))
        .filteredOn(e -> e.type() == JobLogType.RETRIED)
        .extracting(JobLogEntry::msg)
        .containsExactly("retry", "released");
    assertThat(types(run.jobId()))
        .containsOnlyOnce(JobLogType.RECEIVED)
        .doesNotContain(JobLogType.FINISHED);
    assertThat(lines(run.jobId()))
        .filteredOn(e -> e.type() == JobLogType.DISPATCHED)
        .extracting(JobLogEntry::attempt)
        .containsExactly(1L, 2L);
  }

  @Test
  void anExpiredLeaseWritesOneLeaseExpiredLineForTheAttemptThatHeldIt() {
    submitOne(job("e"));
    StoredJob run = claimOne();
    clock().set(T0 + LEASE.toMillis() + 1);

    assertThat(jobs().expireLeases(10)).hasSize(1);
    assertThat(jobs().expireLeases(10)).isEmpty();

    assertThat(lines(run.jobId()))
        .filteredOn(e -> e.type() == JobLogType.LEASE_EXPIRED)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.attempt()).isEqualTo(run.attempt());
              assertThat(e.taskTrackerIdentity()).isEqualTo(WORKER);
            });
  }
}
