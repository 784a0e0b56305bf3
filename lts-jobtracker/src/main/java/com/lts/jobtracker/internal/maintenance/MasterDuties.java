package com.lts.jobtracker.internal.maintenance;

import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster duties only the JobTracker master runs (lease expiry, feedback re-send, old data).
 * They start when this node becomes master and stop the moment it is not; they can start again any
 * number of times (the executor lives as long as the JobTracker, unlike LTS's checkers, which could
 * not restart).
 */
public final class MasterDuties implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MasterDuties.class);

  private final ScheduledExecutorService scheduler;
  private final List<Duty> duties = new ArrayList<>();
  private final List<ScheduledFuture<?>> running = new ArrayList<>();

  private final Background background;

  public MasterDuties(String identity, NodeEvents events) {
    this.background = new Background(events, MasterDuties.class);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("lts-master-duties-" + identity, true));
  }

  /** Adds a duty run every {@code period} while master; call before the node starts. */
  public void add(String name, Duration period, Runnable task) {
    duties.add(new Duty(name, period, task));
  }

  public synchronized void masterChanged(boolean isMaster) {
    running.forEach(f -> f.cancel(false));
    running.clear();
    if (!isMaster) {
      return;
    }
    for (Duty duty : duties) {
      running.add(
          scheduler.scheduleWithFixedDelay(
              background.guard("Master duty '" + duty.name + "'", duty.task),
              0,
              duty.period.toMillis(),
              TimeUnit.MILLISECONDS));
    }
    log.info("Became master: running {} duties", duties.size());
  }

  @Override
  public synchronized void close() {
    masterChanged(false);
    scheduler.shutdownNow();
  }

  private record Duty(String name, Duration period, Runnable task) {}
}
