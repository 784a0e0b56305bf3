package com.lts.jobtracker.internal.schedule;

import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.internal.background.Shutdowns;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JobTracker's sense of time, as the rest of it sees it: jobs that become due later are armed
 * on the {@link DueWheel}; schedules that changed (submitted, an instance ended) are fed at once,
 * off the caller's thread.
 */
public final class Timekeeper implements AutoCloseable {

  private final DueWheel wheel;
  private final ScheduleFeeder feeder;
  private final ExecutorService feeding;
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean feedQueued = new AtomicBoolean();

  private final Background background;

  public Timekeeper(DueWheel wheel, ScheduleFeeder feeder, String identity, NodeEvents events) {
    this.background = new Background(events, Timekeeper.class);
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

  /**
   * A schedule was submitted or one of its instances ended: create what it needs now. Changes that
   * arrive while a feed runs are fed together in the next one, so a thousand schedules firing in
   * the same second cost a few store calls, not a few thousand.
   */
  public void scheduleChanged(String scheduleJobId) {
    changed.add(scheduleJobId);
    if (feedQueued.compareAndSet(false, true)) {
      try {
        // On failure the master's pass over every schedule, each second, makes up for it.
        feeding.execute(background.guard("Feeding changed schedules", this::feedChanged));
      } catch (RejectedExecutionException e) {
        // stopping: the master's next pass over the schedules does it
      }
    }
  }

  private void feedChanged() {
    feedQueued.set(false);
    List<String> batch = new ArrayList<>();
    for (Iterator<String> it = changed.iterator(); it.hasNext(); ) {
      batch.add(it.next());
      it.remove();
    }
    if (batch.isEmpty()) {
      return;
    }
    feeder.feed(batch);
  }

  /** The master's pass over every schedule. */
  public Runnable masterDuty() {
    return feeder;
  }

  @Override
  public void close() {
    wheel.close();
    // A feed in progress uses the store, which closes next.
    Shutdowns.stopAndWait(feeding, 5_000);
  }
}
