package com.lts.jobtracker.schedule;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * The JobTracker's sense of time, as the rest of it sees it: jobs that become due later are armed
 * on the {@link DueWheel}; schedules that changed (submitted, an instance ended) are fed at once,
 * off the caller's thread.
 */
public final class Timekeeper implements AutoCloseable {

  private final DueWheel wheel;
  private final ScheduleFeeder feeder;
  private final ExecutorService feeding;

  public Timekeeper(DueWheel wheel, ScheduleFeeder feeder, String identity) {
    this.wheel = wheel;
    this.feeder = feeder;
    this.feeding =
        Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("lts-schedule-feeder-" + identity, true));
  }

  public void start() {
    wheel.start();
  }

  /** Jobs of {@code group} become due at {@code triggerTime}. */
  public void jobDue(String group, long triggerTime) {
    wheel.arm(group, triggerTime);
  }

  /** A schedule was submitted or one of its instances ended: create what it needs now. */
  public void scheduleChanged(String scheduleJobId) {
    try {
      feeding.execute(() -> feeder.feed(scheduleJobId));
    } catch (RejectedExecutionException e) {
      // stopping: the master's next pass over the schedules does it
    }
  }

  /** The master's pass over every schedule. */
  public Runnable masterDuty() {
    return feeder;
  }

  @Override
  public void close() {
    feeding.shutdownNow();
    wheel.close();
  }
}
