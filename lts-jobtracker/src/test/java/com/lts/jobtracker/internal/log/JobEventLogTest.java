package com.lts.jobtracker.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogType;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobEventLogTest {

  private static final int THREADS = 4;
  private static final int LINES_PER_THREAD = 1_000;

  /**
   * A sink that cannot keep up (it takes nothing until released) while four threads record 4,000
   * lifecycle lines into a buffer of 10 (+ the business headroom): the recording threads wait for
   * room instead of dropping lines, and once the sink writes, every line arrives exactly once.
   */
  @Test
  void aFullBufferMakesRecordersWaitAndLosesNoLifecycleLine() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    List<JobLogEntry> written = new CopyOnWriteArrayList<>();
    JobEventLog eventLog =
        new JobEventLog(
            batch -> {
              try {
                released.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              written.addAll(batch);
            },
            100,
            10,
            Clock.systemUTC());
    List<Thread> recorders = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      Thread recorder =
          new Thread(
              () -> {
                for (int i = 0; i < LINES_PER_THREAD; i++) {
                  eventLog.event(
                      "job-" + thread + "-" + i,
                      "g",
                      "t",
                      1,
                      JobLogType.SUSPENDED,
                      null,
                      "by test");
                }
              });
      recorder.start();
      recorders.add(recorder);
    }
    try {
      // The buffer is full and the recorders are held up by it, not finished.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  recorders.stream()
                          .allMatch(r -> r.getState() == Thread.State.TIMED_WAITING || !r.isAlive())
                      && recorders.stream().anyMatch(Thread::isAlive));
      assertThat(written).isEmpty();

      released.countDown();
      for (Thread recorder : recorders) {
        recorder.join(20_000);
        assertThat(recorder.isAlive()).isFalse();
      }
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> written.size() >= THREADS * LINES_PER_THREAD);
      Set<String> jobIds = new HashSet<>();
      written.forEach(line -> jobIds.add(line.jobId()));
      assertThat(written).hasSize(THREADS * LINES_PER_THREAD);
      assertThat(jobIds).hasSize(THREADS * LINES_PER_THREAD);
      assertThat(eventLog.dropped()).isZero();
    } finally {
      released.countDown();
      eventLog.close();
    }
  }
}
