package com.lts.core.store;

/**
 * The outcome for one submitted job, in submit order.
 *
 * @param jobId the stored job's id (for {@link SubmitStatus#DUPLICATE}: the existing job's id)
 */
public record SubmitResult(
    String taskTrackerNodeGroup, String taskId, String jobId, SubmitStatus status) {}
