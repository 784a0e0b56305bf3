package com.lts.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.store.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  @Test
  void eachFailureForANameDoublesTheWaitAndASuccessClearsIt() {
    MutableClock clock = new MutableClock(1_000_000);
    LoginThrottle throttle = new LoginThrottle(clock);
    assertThat(throttle.waitMillis("ops", "10.0.0.1")).isZero();
    throttle.failed("ops", "10.0.0.1");
    assertThat(throttle.waitMillis("ops", "10.0.0.2")).isEqualTo(1_000);
    throttle.failed("ops", "10.0.0.1");
    assertThat(throttle.waitMillis("ops", "10.0.0.1")).isEqualTo(2_000);
    clock.advance(2_000);
    assertThat(throttle.waitMillis("ops", "10.0.0.1")).isZero();
    throttle.succeeded("ops", "10.0.0.1");
    throttle.failed("ops", "10.0.0.1");
    assertThat(throttle.waitMillis("ops", "10.0.0.1")).isEqualTo(1_000);
  }

  @Test
  void manyNamesFromOneAddressAreSlowedToo() {
    LoginThrottle throttle = new LoginThrottle(new MutableClock(1_000_000));
    for (int i = 0; i < 9; i++) {
      throttle.failed("user" + i, "10.0.0.9");
    }
    assertThat(throttle.waitMillis("fresh", "10.0.0.9")).isZero();
    throttle.failed("user9", "10.0.0.9");
    assertThat(throttle.waitMillis("fresh", "10.0.0.9")).isEqualTo(1_000);
  }
}
