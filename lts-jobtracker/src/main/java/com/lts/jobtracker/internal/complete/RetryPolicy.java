package com.lts.jobtracker.internal.complete;

import java.time.Duration;

/**
 * When a job that asked to run later (or threw) runs again: {@code base × 2^retries} up to a cap
 * (exponential), or always {@code base} (fixed). The number of retries is capped by both the job's
 * {@code maxRetryTimes} and the cluster's {@code job.max.retry.times}.
 */
public final class RetryPolicy {

  private final long baseMillis;
  private final long capMillis;
  private final int clusterMaxRetries;
  private final boolean exponential;

  public RetryPolicy(Duration base, Duration cap, int clusterMaxRetries) {
    this(base, cap, clusterMaxRetries, true);
  }

  public RetryPolicy(Duration base, Duration cap, int clusterMaxRetries, boolean exponential) {
    this.baseMillis = Math.max(1, base.toMillis());
    this.capMillis = Math.max(baseMillis, cap.toMillis());
    this.clusterMaxRetries = clusterMaxRetries;
    this.exponential = exponential;
  }

  /** Whether a job that has been retried {@code retryTimes} times may be retried again. */
  public boolean mayRetry(int retryTimes, int jobMaxRetryTimes) {
    return retryTimes < Math.min(jobMaxRetryTimes, clusterMaxRetries);
  }

  /** The delay before retry number {@code retryTimes + 1}. */
  public long delayMillis(int retryTimes) {
    if (!exponential) {
      return baseMillis;
    }
    int shift = Math.min(Math.max(retryTimes, 0), 40);
    long delay = baseMillis << shift;
    return delay <= 0 || delay > capMillis ? capMillis : delay;
  }
}
