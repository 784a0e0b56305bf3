package com.lts.tasktracker.internal;

import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when this JVM was frozen (SIGSTOP, a long GC, a suspended VM): a tick that should come
 * every {@value #TICK_MILLIS} ms cannot come while the JVM is frozen. Work that arrived during a
 * pause may be stale — a JobTracker may have given a pushed job to another worker meanwhile — so it
 * is checked before it runs.
 */
final class PauseDetector implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PauseDetector.class);
  static final long TICK_MILLIS = 100;

  private final long suspectNanos;
  private volatile long lastTick = System.nanoTime();
  private volatile boolean pausedBefore;
  private volatile long lastPauseEnd;
  private final ScheduledExecutorService ticker;

  /**
   * @param suspectMillis a gap between ticks longer than this is a pause
   */
  PauseDetector(long suspectMillis, String identity) {
    this.suspectNanos = TimeUnit.MILLISECONDS.toNanos(suspectMillis);
    // Its own thread: a tick held up by other work would look like a pause.
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("lts-pause-detector-" + identity, true));
    ticker.scheduleAtFixedRate(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }

  private void tick() {
    long now = System.nanoTime();
    long gap = now - lastTick;
    lastTick = now;
    if (gap > suspectNanos) {
      lastPauseEnd = now;
      pausedBefore = true;
      log.warn(
          "This JVM was paused for about {} ms; jobs pushed meanwhile are checked before they run",
          TimeUnit.NANOSECONDS.toMillis(gap));
    }
  }

  /**
   * Whether work arriving now may have waited out a pause: the tick is overdue (the pause has not
   * been noticed yet) or a pause ended within the last {@code windowMillis}.
   */
  boolean suspect(long windowMillis) {
    long now = System.nanoTime();
    // Until a first pause, lastPauseEnd means nothing (a sentinel such as Long.MIN_VALUE would
    // overflow the subtraction and make every push look suspect).
    return now - lastTick > suspectNanos
        || (pausedBefore && now - lastPauseEnd < TimeUnit.MILLISECONDS.toNanos(windowMillis));
  }
}
