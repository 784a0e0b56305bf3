package com.lts.jobclient.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SubmitRateLimiterTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private final AtomicLong now = new AtomicLong(1_000_000 * MS);

  @Test
  void aQuietLimiterLetsOneSecondsWorthThroughThenRefusesWithoutWaiting() {
    SubmitRateLimiter limiter = new SubmitRateLimiter(10, now::get);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.reserve(0)).as("permit %d", i).isZero();
    }
    assertThat(limiter.reserve(0)).isEqualTo(-1);
    assertThat(limiter.reserve(99 * MS)).isEqualTo(-1);
  }

  @Test
  void aCallerWillingToWaitGetsTheNextPermitAfterItsInterval() {
    SubmitRateLimiter limiter = new SubmitRateLimiter(10, now::get);
    for (int i = 0; i < 10; i++) {
      limiter.reserve(0);
    }
    assertThat(limiter.reserve(100 * MS)).isEqualTo(100 * MS);
    assertThat(limiter.reserve(150 * MS)).isEqualTo(-1);
  }

  @Test
  void permitsComeBackAtTheConfiguredRate() {
    SubmitRateLimiter limiter = new SubmitRateLimiter(10, now::get);
    for (int i = 0; i < 10; i++) {
      limiter.reserve(0);
    }
    now.addAndGet(300 * MS);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.reserve(0)).as("permit %d", i).isZero();
    }
    assertThat(limiter.reserve(0)).isEqualTo(-1);
    now.addAndGet(10_000 * MS); // a long pause refills one second's worth, no more
    int granted = 0;
    while (limiter.reserve(0) == 0) {
      granted++;
    }
    assertThat(granted).isEqualTo(10);
  }
}
