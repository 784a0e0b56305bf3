package com.lts.remoting.internal.errors;

/**
 * Lets through at most a number of log lines per period and counts the rest, so that a flood of
 * refused connections cannot flood the log too. Thread-safe.
 */
final class LogLimiter {

  private final int linesPerPeriod;
  private final long periodNanos;
  private long periodStart;
  private int lines;
  private long suppressed;

  LogLimiter(int linesPerPeriod, long periodNanos) {
    this.linesPerPeriod = linesPerPeriod;
    this.periodNanos = periodNanos;
    this.periodStart = System.nanoTime();
  }

  /**
   * Whether a line may be logged now; -1 when not, else the number of lines suppressed since the
   * last one let through (to say so in this line).
   */
  synchronized long tryAcquire() {
    long now = System.nanoTime();
    if (now - periodStart >= periodNanos) {
      periodStart = now;
      lines = 0;
    }
    if (lines >= linesPerPeriod) {
      suppressed++;
      return -1;
    }
    lines++;
    long dropped = suppressed;
    suppressed = 0;
    return dropped;
  }
}
