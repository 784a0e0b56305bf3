package com.lts.core.store;

/**
 * One instance to create: schedule {@code scheduleJobId} at {@code triggerTime}.
 *
 * @see JobStore#createInstances
 */
public record InstanceRequest(String scheduleJobId, long triggerTime) {}
