package com.lts.core.monitor.internal;

import com.lts.core.store.NodeStats;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a node's statistics at every interval boundary and hands them to the role (a JobTracker
 * stores them, other nodes send them to a JobTracker). Rows that could not be delivered are kept,
 * up to {@link #MAX_PENDING} (oldest dropped), and go with the next.
 */
public final class StatsReporter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(StatsReporter.class);
  static final int MAX_PENDING = 500;

  private final StatsCollector collector;
  private final long intervalMillis;
  private final Clock clock;
  private final Consumer<List<NodeStats>> sink;
  private final ScheduledExecutorService timer;
  private final Deque<NodeStats> pending = new ArrayDeque<>();
  private long intervalStart;

  /**
   * @param sink delivers rows; throws when it could not (they are kept and tried again)
   */
  public StatsReporter(
      StatsCollector collector,
      Duration interval,
      Clock clock,
      Consumer<List<NodeStats>> sink,
      String identity) {
    this.collector = collector;
    this.intervalMillis = interval.toMillis();
    this.clock = clock;
    this.sink = sink;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "lts-stats-" + identity);
              thread.setDaemon(true);
              return thread;
            });
  }

  public void start() {
    long now = clock.millis();
    intervalStart = now - now % intervalMillis;
    // Ticks often and reports when an interval has ended, so a clock jump costs one late row.
    long tick = Math.max(50, Math.min(1_000, intervalMillis / 10));
    timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  private synchronized void tick() {
    try {
      long now = clock.millis();
      if (now - intervalStart >= intervalMillis) {
        report(intervalStart);
        intervalStart = now - now % intervalMillis;
      }
    } catch (RuntimeException e) { // thread root: the next tick tries again
      log.warn("Taking node statistics failed: {}", e.toString(), e);
    }
  }

  private void report(long stamp) {
    pending.addLast(collector.take(stamp));
    while (pending.size() > MAX_PENDING) {
      pending.removeFirst();
    }
    List<NodeStats> batch = new ArrayList<>(pending);
    try {
      sink.accept(batch);
      pending.clear();
    } catch (RuntimeException e) {
      log.warn(
          "Node statistics could not be delivered ({}); {} rows kept to send with the next",
          e.toString(),
          pending.size());
    }
  }

  /** Stops, after reporting the interval so far once more (so that nothing counted is lost). */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      try {
        report(intervalStart);
      } catch (RuntimeException e) {
        log.warn("Taking node statistics at stop failed: {}", e.toString());
      }
    }
  }
}
