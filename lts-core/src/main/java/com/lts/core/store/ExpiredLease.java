package com.lts.core.store;

/**
 * A running job whose lease ran out and that went back to the executable queue.
 *
 * @param expiredAttempt the attempt that held the lease; the job now waits under a newer one
 */
public record ExpiredLease(
    String jobId,
    String taskTrackerNodeGroup,
    String taskId,
    String taskTrackerIdentity,
    long expiredAttempt) {}
