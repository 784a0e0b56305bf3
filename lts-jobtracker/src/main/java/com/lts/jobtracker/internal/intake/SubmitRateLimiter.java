package com.lts.jobtracker.internal.intake;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts submit calls per connected node and second, and says when one is over its limit. Memory
 * stays bounded: one entry per node that submitted in the current second, older ones dropped.
 */
final class SubmitRateLimiter {

  private static final int PRUNE_ABOVE = 4_096;

  private final int maxPerSecond;
  private final Clock clock;
  private final ConcurrentHashMap<String, long[]> windows = new ConcurrentHashMap<>();

  SubmitRateLimiter(int maxPerSecond, Clock clock) {
    this.maxPerSecond = maxPerSecond;
    this.clock = clock;
  }

  /** Counts one call of {@code client}; false when it is over the limit of this second. */
  boolean tryAcquire(String client) {
    long second = clock.millis() / 1000;
    if (windows.size() > PRUNE_ABOVE) {
      windows.values().removeIf(w -> w[0] < second);
    }
    long[] counted =
        windows.compute(
            client,
            (c, w) -> {
              if (w == null || w[0] != second) {
                return new long[] {second, 1};
              }
              w[1]++;
              return w;
            });
    return counted[1] <= maxPerSecond;
  }

  int maxPerSecond() {
    return maxPerSecond;
  }
}
