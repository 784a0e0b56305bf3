package com.lts.core.store.internal;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobType;

/**
 * The TaskTracker a submit stores its due one-time jobs claimed for (see {@link
 * com.lts.core.store.JobStore#submitAndClaim}): up to {@code max} of {@code group}'s jobs, leased
 * until {@code leaseDeadline}.
 */
public record ClaimAtSubmit(String group, String identity, int max, long leaseDeadline) {

  /** Whether a new job is stored claimed, {@code claimedSoFar} jobs of the submit being claimed. */
  public boolean wants(Job job, long now, int claimedSoFar) {
    JobType type = job.getJobType();
    return claimedSoFar < max
        && group.equals(job.getTaskTrackerNodeGroup())
        && (type == JobType.REAL_TIME || type == JobType.TRIGGER_TIME)
        && (job.getTriggerTime() == null || job.getTriggerTime() <= now);
  }
}
