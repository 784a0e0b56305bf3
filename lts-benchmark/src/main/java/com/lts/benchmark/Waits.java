package com.lts.benchmark;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waits: every loop of the benchmark ends by its condition or by its deadline. */
final class Waits {

  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private Waits() {}

  /**
   * Polls {@code condition} every 5 ms until it holds.
   *
   * @throws BenchmarkTimeoutException when it still does not hold after {@code timeout}
   */
  static void until(BooleanSupplier condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new BenchmarkTimeoutException(
            "gave up after " + timeout.toSeconds() + " s waiting for " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /** Parks until {@link System#nanoTime()} reaches {@code targetNanos}. */
  static void parkUntil(long targetNanos) {
    long left;
    while ((left = targetNanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  /** A wait that ran out of time; the round is reported as failed with this message. */
  static final class BenchmarkTimeoutException extends RuntimeException {
    BenchmarkTimeoutException(String message) {
      super(message);
    }
  }
}
