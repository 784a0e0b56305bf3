package com.lts.core.store;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobType;

/**
 * A job as the store holds it: the submitted {@link Job} plus its state and bookkeeping.
 *
 * @param job the job's fields; its {@code triggerTime} is this row's trigger time
 * @param attempt the fencing token: grows with each claim and each lease expiry
 * @param triggerTime when the job is due (epoch ms); for a schedule, its last created instance
 * @param taskTrackerIdentity who runs it (only while {@link JobState#EXECUTING})
 * @param leaseDeadline when the running attempt's lease ends (only while executing), else null
 * @param scheduleJobId for an instance, the schedule it belongs to; else null
 * @param scheduleTime for an instance, the trigger time it was created for; else null
 * @param version grows with every change of the row; {@link JobStore#edit} compares it
 */
public record StoredJob(
    String jobId,
    JobKind kind,
    JobState state,
    Job job,
    long attempt,
    int retryTimes,
    int repeatedCount,
    long triggerTime,
    String taskTrackerIdentity,
    Long leaseDeadline,
    String scheduleJobId,
    Long scheduleTime,
    long version,
    long createdTime,
    long modifiedTime) {

  public String taskTrackerNodeGroup() {
    return job.getTaskTrackerNodeGroup();
  }

  public String taskId() {
    return job.getTaskId();
  }

  public JobType jobType() {
    return job.getJobType();
  }

  public AttemptRef attemptRef() {
    return new AttemptRef(jobId, attempt);
  }

  /** What a TaskTracker receives for this (claimed) job. */
  public JobMeta toJobMeta() {
    JobMeta meta = new JobMeta(jobId, attempt, new Job(job));
    meta.setRetryTimes(retryTimes);
    meta.setRepeatedCount(repeatedCount);
    meta.setTriggerTime(triggerTime);
    meta.setScheduleJobId(scheduleJobId);
    return meta;
  }
}
