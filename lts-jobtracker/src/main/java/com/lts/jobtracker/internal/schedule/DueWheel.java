package com.lts.jobtracker.internal.schedule;

import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.store.DueGroup;
import com.lts.core.store.JobStore;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts jobs on time. Every half horizon it loads from the store the (group, trigger time) pairs
 * due within the horizon and sets a timer for each; when one goes off, the group's idle
 * TaskTrackers are filled at once. So a delayed job, a schedule instance or a retry starts within
 * milliseconds of its time instead of at the next pull, while the store stays the only record of
 * what is due (a timer lost in a crash costs nothing: the next JobTracker loads it again).
 */
public final class DueWheel implements AutoCloseable {

  private static final int MAX_PER_LOAD = 10_000;

  private final JobStore jobs;
  private final Consumer<String> dispatchGroup;
  private final Clock clock;
  private final long horizonMillis;
  private final ScheduledThreadPoolExecutor timers;
  private final Set<String> armed = ConcurrentHashMap.newKeySet();
  private final Background background;

  public DueWheel(
      JobStore jobs,
      Consumer<String> dispatchGroup,
      Clock clock,
      Duration horizon,
      String identity,
      NodeEvents events) {
    this.background = new Background(events, DueWheel.class);
    this.jobs = jobs;
    this.dispatchGroup = dispatchGroup;
    this.clock = clock;
    this.horizonMillis = horizon.toMillis();
    this.timers =
        new ScheduledThreadPoolExecutor(
            1, new DefaultThreadFactory("lts-due-wheel-" + identity, true));
    timers.setRemoveOnCancelPolicy(true);
  }

  public void start() {
    long period = Math.max(50, horizonMillis / 2);
    // A failed load costs nothing lasting: the jobs start at their TaskTrackers' next pull.
    timers.scheduleWithFixedDelay(
        background.guard("Due wheel load", this::load), 0, period, TimeUnit.MILLISECONDS);
  }

  private void load() {
    long now = clock.millis();
    for (DueGroup due : jobs.dueBetween(now, now + horizonMillis, MAX_PER_LOAD)) {
      arm(due.taskTrackerNodeGroup(), due.triggerTime());
    }
  }

  /**
   * Sets a timer for jobs of {@code group} due at {@code triggerTime}, if that is within the
   * horizon (later ones are loaded when their time comes near).
   */
  public void arm(String group, long triggerTime) {
    long delay = triggerTime - clock.millis();
    if (delay > horizonMillis || timers.isShutdown()) {
      return;
    }
    String key = group + '@' + triggerTime;
    if (!armed.add(key)) {
      return;
    }
    timers.schedule(
        background.guard(
            "Due wheel dispatch",
            () -> {
              armed.remove(key);
              dispatchGroup.accept(group);
            }),
        Math.max(0, delay),
        TimeUnit.MILLISECONDS);
  }

  /** Timers set and not gone off yet. */
  public int armedCount() {
    return armed.size();
  }

  @Override
  public void close() {
    timers.shutdownNow();
  }
}
