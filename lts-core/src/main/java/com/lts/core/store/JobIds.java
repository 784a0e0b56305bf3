package com.lts.core.store;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Job ids: 32 hex digits, the first 12 the creation time in ms, the rest random. Ids of one store
 * roughly follow submit order, which keeps B-tree inserts at the right edge and makes browsing by
 * id list older jobs first.
 */
public final class JobIds {

  private final Clock clock;

  public JobIds(Clock clock) {
    this.clock = clock;
  }

  public String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return String.format(
        "%012x%08x%012x",
        clock.millis() & 0xFFFF_FFFF_FFFFL,
        random.nextInt(),
        random.nextLong() & 0xFFFF_FFFF_FFFFL);
  }
}
