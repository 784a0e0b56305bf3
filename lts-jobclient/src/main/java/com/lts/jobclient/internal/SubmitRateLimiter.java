package com.lts.jobclient.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code job.submit.maxQPS}: at most that many submit calls per second, with a burst of one
 * second's worth after a quiet spell. A call that would have to wait longer than its timeout is
 * refused at once instead of waiting in vain (generic cell rate algorithm).
 */
final class SubmitRateLimiter {

  private final long intervalNanos;
  private final long burstNanos;
  private final LongSupplier nanoTime;
  private long theoreticalArrival;

  SubmitRateLimiter(int permitsPerSecond, LongSupplier nanoTime) {
    this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / permitsPerSecond;
    this.burstNanos = TimeUnit.SECONDS.toNanos(1) - intervalNanos;
    this.nanoTime = nanoTime;
    this.theoreticalArrival = nanoTime.getAsLong();
  }

  /**
   * Takes one permit, waiting up to {@code timeout} for it.
   *
   * @return false, without waiting, when no permit would be free within {@code timeout}
   */
  boolean tryAcquire(Duration timeout) throws InterruptedException {
    long wait = reserve(timeout.toNanos());
    if (wait < 0) {
      return false;
    }
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
    return true;
  }

  /** Nanoseconds to wait for the reserved permit, or -1 when none is free in time. */
  synchronized long reserve(long timeoutNanos) {
    long now = nanoTime.getAsLong();
    long arrival = Math.max(theoreticalArrival, now);
    long wait = Math.max(0, arrival - now - burstNanos);
    if (wait > timeoutNanos) {
      return -1;
    }
    theoreticalArrival = arrival + intervalNanos;
    return wait;
  }
}
