package com.lts.tasktracker.runner;

import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobType;

/** Facts about this run of a job that are not part of the job itself. */
public final class JobExtInfo {

  private final String jobId;
  private final long attempt;
  private final JobType jobType;
  private final int retryTimes;
  private final int repeatedCount;
  private final long triggerTime;

  public JobExtInfo(
      String jobId,
      long attempt,
      JobType jobType,
      int retryTimes,
      int repeatedCount,
      long triggerTime) {
    this.jobId = jobId;
    this.attempt = attempt;
    this.jobType = jobType;
    this.retryTimes = retryTimes;
    this.repeatedCount = repeatedCount;
    this.triggerTime = triggerTime;
  }

  public static JobExtInfo of(JobMeta meta) {
    return new JobExtInfo(
        meta.getJobId(),
        meta.getAttempt(),
        meta.getJobType(),
        meta.getRetryTimes(),
        meta.getRepeatedCount(),
        meta.getTriggerTime());
  }

  /** The id the JobTracker gave the job. */
  public String getJobId() {
    return jobId;
  }

  /**
   * The attempt number of this run. It grows each time the job is dispatched, so a runner that must
   * be idempotent can tell a re-run (after its TaskTracker died mid-run) from the first run.
   */
  public long getAttempt() {
    return attempt;
  }

  public JobType getJobType() {
    return jobType;
  }

  /** How many times the job was retried before this run. */
  public int getRetryTimes() {
    return retryTimes;
  }

  /** Whether this run is a retry. */
  public boolean isRetry() {
    return retryTimes > 0;
  }

  /** For repeat jobs: how many runs came before this one. */
  public int getRepeatedCount() {
    return repeatedCount;
  }

  /** When this run was due, in epoch milliseconds (LTS's "seqId"). */
  public long getTriggerTime() {
    return triggerTime;
  }
}
