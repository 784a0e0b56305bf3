package com.lts.tasktracker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dispatch this TaskTracker cannot run is refused at once, never held under a lease. */
class JobIntakeTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<JobRunResult> results = new CopyOnWriteArrayList<>();
  private final RunnerPool pool =
      new RunnerPool(
          "intake",
          2,
          meta -> {
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return new JobRunResult(meta, null, null, 0, 0);
          },
          results::add,
          Clock.systemUTC());
  private final JobIntake intake = new JobIntake(pool);

  @AfterEach
  void stop() {
    release.countDown();
    pool.stop(5_000);
  }

  private static JobMeta meta(String id, long attempt) {
    Job job = new Job();
    job.setTaskId(id);
    job.setTaskTrackerNodeGroup("g");
    return new JobMeta(id, attempt, job);
  }

  @Test
  void aNewAttemptOfAJobThatRunsHereIsRefusedAndNotRenewed() {
    assertThat(intake.accept(List.of(meta("j", 1)))).isEmpty();

    assertThat(intake.accept(List.of(meta("j", 3), meta("k", 1))))
        .as("refused at once, so the JobTracker releases it")
        .containsExactly("j");
    assertThat(intake.held())
        .extracting(m -> m.getJobId() + "#" + m.getAttempt())
        .containsExactlyInAnyOrder("j#1", "k#1");
  }

  @Test
  void aWaitingJobWhoseLeaseWasLostIsDropped() {
    intake.accept(List.of(meta("a", 1), meta("b", 1), meta("c", 1)));
    assertThat(intake.held()).hasSize(3);

    intake.dropWaiting(List.of(meta("c", 1)));

    assertThat(intake.held()).extracting(JobMeta::getJobId).containsExactlyInAnyOrder("a", "b");
  }
}
