package com.lts.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void eachFailureForANameDoublesTheWaitAndASuccessClearsIt() {
    MovableClock clock = new MovableClock();
    LoginThrottle throttle = new LoginThrottle(clock);
    assertThat(throttle.waitMillis("ops", "10.0.0.1")).isZero();
    throttle.failed("ops", "10.0.0.1");
    assertThat(throttle.waitMillis("ops", "10.0.0.2")).isEqualTo(1_000);
    throttle.failed("ops", "10.0.0.1");
    assertThat(throttle.waitMillis("ops", "10.0.0.1")).isEqualTo(2_000);
    clock.now = clock.now.plus(Duration.ofSeconds(2));
    assertThat(throttle.waitMillis("ops", "10.0.0.1")).isZero();
    throttle.succeeded("ops", "10.0.0.1");
    throttle.failed("ops", "10.0.0.1");
    assertThat(throttle.waitMillis("ops", "10.0.0.1")).isEqualTo(1_000);
  }

  @Test
  void manyNamesFromOneAddressAreSlowedToo() {
    LoginThrottle throttle = new LoginThrottle(new MovableClock());
    for (int i = 0; i < 9; i++) {
      throttle.failed("user" + i, "10.0.0.9");
    }
    assertThat(throttle.waitMillis("fresh", "10.0.0.9")).isZero();
    throttle.failed("user9", "10.0.0.9");
    assertThat(throttle.waitMillis("fresh", "10.0.0.9")).isEqualTo(1_000);
  }
}
