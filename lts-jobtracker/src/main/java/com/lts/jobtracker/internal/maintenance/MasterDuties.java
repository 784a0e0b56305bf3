package com.lts.jobtracker.internal.maintenance;

import com.lts.core.config.ConfigKey;
import com.lts.core.event.FailureKind;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.internal.background.Shutdowns;
import com.lts.core.node.Candidacy;
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
 * The cluster duties only the JobTracker master runs (lease expiry, schedules, feedback re-send,
 * old data). Each duty runs on its own thread, so a hung or slow one (a JobClient's handler, a big
 * prune) never holds up the others; a run past the deadline is logged and interrupted. The duties
 * start when this node becomes master, stop the moment it is not, and can start again any number of
 * times.
 *
 * <p>A master whose duties cannot reach the store for longer than the allowed outage gives up
 * mastership (withdraws from the election), so that a JobTracker that can reach the store expires
 * leases; it rejoins the election when its store answers again.
 */
public final class MasterDuties implements AutoCloseable {

  /** How long closing waits for a duty's run in progress, which may be using the store. */
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private static final Logger log = LoggerFactory.getLogger(MasterDuties.class);

  private final String identity;
  private final Background background;
  private final Duration deadline;
  private final Duration storeOutage;
  private final Candidacy candidacy;
  private final Runnable storeProbe;
  private final List<Duty> duties = new ArrayList<>();
  private final ScheduledExecutorService watchdog;

  private boolean master;
  private volatile long lastStoreContactNanos;
  private volatile boolean withdrawn;

  /**
   * @param deadline the longest one run of a duty may take
   * @param storeOutage how long the duties may fail to reach the store before mastership is given
   *     up
   * @param storeProbe a cheap store call, to tell when the store is back after giving up
   */
  public MasterDuties(
      String identity,
      NodeEvents events,
      Duration deadline,
      Duration storeOutage,
      Candidacy candidacy,
      Runnable storeProbe) {
    this.identity = identity;
    this.background = new Background(events, MasterDuties.class);
    this.deadline = deadline;
    this.storeOutage = storeOutage;
    this.candidacy = candidacy;
    this.storeProbe = storeProbe;
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("lts-master-watchdog-" + identity, true));
    long tick =
        Math.max(25, Math.min(1_000, Math.min(deadline.toMillis(), storeOutage.toMillis()) / 4));
    watchdog.scheduleWithFixedDelay(
        () -> background.run("Master duties watchdog", this::watch),
        tick,
        tick,
        TimeUnit.MILLISECONDS);
  }

  /** Adds a duty run every {@code period} while master; call before the node starts. */
  public void add(String name, Duration period, Runnable task) {
    duties.add(new Duty(name, period, task, identity));
  }

  public synchronized void masterChanged(boolean isMaster) {
    master = isMaster;
    duties.forEach(Duty::stop);
    if (!isMaster) {
      return;
    }
    lastStoreContactNanos = System.nanoTime();
    duties.forEach(Duty::start);
    log.info("Became master: running {} duties", duties.size());
  }

  private void watch() {
    long now = System.nanoTime();
    for (Duty duty : duties) {
      duty.checkDeadline(now);
    }
    if (withdrawn) {
      storeProbe.run(); // throws while the store is still unreachable
      withdrawn = false;
      log.info(
          "JobTracker {} reaches its job store again; it rejoins the master election", identity);
      candidacy.rejoin();
      return;
    }
    boolean cutOff;
    synchronized (this) {
      cutOff = master && now - lastStoreContactNanos > storeOutage.toNanos();
    }
    if (cutOff) {
      withdrawn = true;
      log.warn(
          "JobTracker {} could not reach its job store for more than {}: it gives up mastership so"
              + " that a JobTracker that can reach the store runs the master duties (lease expiry"
              + " first), and rejoins the election when the store answers again. Check the database"
              + " and the network to it.",
          identity,
          ConfigKey.format(storeOutage));
      candidacy.withdraw();
    }
  }

  @Override
  public void close() {
    watchdog.shutdownNow();
    synchronized (this) {
      masterChanged(false);
    }
    duties.forEach(Duty::close);
  }

  /** One duty: its own thread, its schedule while master, the run in progress. */
  private final class Duty {

    private final String name;
    private final Duration period;
    private final Runnable task;
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> schedule;
    private volatile Thread runner;
    private volatile long runStartNanos;
    private volatile boolean overrunTold;

    Duty(String name, Duration period, Runnable task, String identity) {
      this.name = name;
      this.period = period;
      this.task = task;
      this.thread =
          Executors.newSingleThreadScheduledExecutor(
              new DefaultThreadFactory(
                  "lts-master-" + name.replace(' ', '-') + "-" + identity, true));
    }

    void start() {
      schedule =
          thread.scheduleWithFixedDelay(this::runOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the schedule and interrupts a run in progress: this node is no longer master. */
    void stop() {
      if (schedule != null) {
        schedule.cancel(true);
        schedule = null;
      }
    }

    void close() {
      stop();
      Shutdowns.stopAndWait(thread, CLOSE_WAIT_MILLIS);
    }

    private void runOnce() {
      String taskName = "Master duty '" + name + "'";
      runStartNanos = System.nanoTime();
      overrunTold = false;
      runner = Thread.currentThread();
      boolean reachedStore;
      try {
        task.run();
        background.succeeded(taskName);
        reachedStore = true;
      } catch (Throwable t) { // thread root: logged, counted and told; the duty runs again
        FailureKind kind = Background.kindOf(t);
        background.failed(taskName, kind, t);
        if (t instanceof VirtualMachineError error) {
          throw error;
        }
        reachedStore = kind != FailureKind.STORE_UNAVAILABLE;
      } finally {
        runner = null;
        Thread.interrupted(); // an interrupt meant for this run must not reach the next
      }
      if (reachedStore) {
        lastStoreContactNanos = System.nanoTime();
      }
    }

    void checkDeadline(long now) {
      Thread running = runner;
      if (running == null || overrunTold || now - runStartNanos <= deadline.toNanos()) {
        return;
      }
      overrunTold = true;
      log.warn(
          "Master duty '{}' has run for more than {} (jobtracker.master.duty.deadline); it is"
              + " interrupted, and the other duties go on",
          name,
          ConfigKey.format(deadline));
      running.interrupt();
    }
  }
}
