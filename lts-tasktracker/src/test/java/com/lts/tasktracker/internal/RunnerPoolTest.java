package com.lts.tasktracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RunnerPoolTest {

  private final List<JobRunResult> results = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private RunnerPool pool;

  @AfterEach
  void stop() {
    release.countDown();
    if (pool != null) {
      pool.stop(5_000);
    }
  }

  private static JobMeta meta(String id) {
    Job job = new Job();
    job.setTaskId(id);
    job.setTaskTrackerNodeGroup("g");
    return new JobMeta(id, 1, job);
  }

  private Function<JobMeta, JobRunResult> blockingRunner() {
    return m -> {
      try {
        release.await(10, TimeUnit.SECONDS);
        return new JobRunResult(m, Action.EXECUTE_SUCCESS, null, 0, 1);
      } catch (InterruptedException e) {
        return new JobRunResult(m, Action.EXECUTE_EXCEPTION, "interrupted", 0, 1);
      }
    };
  }

  @Test
  void neverTakesMoreThanItsThreadsAndReportsEveryJob() {
    pool = new RunnerPool("t", 2, blockingRunner(), results::add, Clock.systemUTC());
    assertThat(pool.tryRun(meta("a"))).isTrue();
    assertThat(pool.tryRun(meta("b"))).isTrue();
    assertThat(pool.tryRun(meta("c"))).isFalse();
    assertThat(pool.availableThreads()).isZero();

    release.countDown();
    await().atMost(5, TimeUnit.SECONDS).until(() -> results.size() == 2);
    await().atMost(5, TimeUnit.SECONDS).until(() -> pool.availableThreads() == 2);
    assertThat(results)
        .extracting(r -> r.getJobMeta().getJobId())
        .containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void theSameJobIsNeverRunTwiceAtOnce() {
    pool = new RunnerPool("t", 2, blockingRunner(), results::add, Clock.systemUTC());
    assertThat(pool.tryRun(meta("a"))).isTrue();
    assertThat(pool.tryRun(meta("a"))).isFalse();
    assertThat(pool.availableThreads()).isEqualTo(1);
  }

  @Test
  void aFailingRunnerWrapperStillReportsTheJob() {
    pool =
        new RunnerPool(
            "t",
            1,
            m -> {
              throw new IllegalStateException("wrapper broke");
            },
            results::add,
            Clock.systemUTC());
    assertThat(pool.tryRun(meta("a"))).isTrue();
    await().atMost(5, TimeUnit.SECONDS).until(() -> results.size() == 1);
    assertThat(results.get(0).getAction()).isEqualTo(Action.EXECUTE_EXCEPTION);
    assertThat(results.get(0).getMsg()).contains("wrapper broke");
  }

  @Test
  void stopLetsRunningJobsFinishWithinTheTimeout() {
    pool = new RunnerPool("t", 1, blockingRunner(), results::add, Clock.systemUTC());
    pool.tryRun(meta("a"));
    await().atMost(5, TimeUnit.SECONDS).until(() -> pool.runningCount() == 1);
    new Thread(release::countDown).start();
    assertThat(pool.stop(5_000)).isEmpty();
    assertThat(results).hasSize(1);
    assertThat(pool.tryRun(meta("b"))).isFalse();
    assertThat(pool.availableThreads()).isZero();
  }

  @Test
  void stopInterruptsWhatOutlivesTheTimeoutAndNamesIt() {
    pool = new RunnerPool("t", 1, blockingRunner(), results::add, Clock.systemUTC());
    pool.tryRun(meta("slow"));
    await().atMost(5, TimeUnit.SECONDS).until(() -> pool.runningCount() == 1);
    assertThat(pool.stop(100)).extracting(JobMeta::getJobId).containsExactly("slow");
    await().atMost(5, TimeUnit.SECONDS).until(() -> results.size() == 1);
    assertThat(results.get(0).getMsg()).isEqualTo("interrupted");
  }

  @Test
  void interruptReachesTheRunningThread() {
    pool = new RunnerPool("t", 1, blockingRunner(), results::add, Clock.systemUTC());
    pool.tryRun(meta("a"));
    await().atMost(5, TimeUnit.SECONDS).until(() -> pool.interrupt("a"));
    await().atMost(5, TimeUnit.SECONDS).until(() -> results.size() == 1);
    assertThat(results.get(0).getAction()).isEqualTo(Action.EXECUTE_EXCEPTION);
    assertThat(pool.interrupt("a")).isFalse();
  }
}
