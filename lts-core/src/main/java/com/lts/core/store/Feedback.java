package com.lts.core.store;

import com.lts.core.domain.JobResult;

/**
 * A job result waiting to be delivered to a JobClient group.
 *
 * @param id the store's id of this entry, used to delete it once delivered
 */
public record Feedback(String id, String jobClientNodeGroup, JobResult result, long createdTime) {}
