package com.lts.jobtracker.internal.complete;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 10);

  @Test
  void delaysDoubleFromTheBaseUpToTheCap() {
    assertThat(policy.delayMillis(0)).isEqualTo(30_000);
    assertThat(policy.delayMillis(1)).isEqualTo(60_000);
    assertThat(policy.delayMillis(2)).isEqualTo(120_000);
    assertThat(policy.delayMillis(4)).isEqualTo(480_000);
    assertThat(policy.delayMillis(5)).isEqualTo(600_000);
    assertThat(policy.delayMillis(60)).as("no overflow").isEqualTo(600_000);
  }

  @Test
  void retriesAreCappedByTheJobAndByTheCluster() {
    assertThat(policy.mayRetry(0, 0)).isFalse();
    assertThat(policy.mayRetry(0, 1)).isTrue();
    assertThat(policy.mayRetry(1, 1)).isFalse();
    assertThat(policy.mayRetry(9, 50)).isTrue();
    assertThat(policy.mayRetry(10, 50)).as("job.max.retry.times caps the job's own").isFalse();
  }

  @Test
  void fixedBackOffWaitsTheBaseEveryTime() {
    RetryPolicy fixed = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(10), 10, false);
    assertThat(fixed.delayMillis(0)).isEqualTo(30_000);
    assertThat(fixed.delayMillis(7)).isEqualTo(30_000);
  }
}
