package com.lts.core.domain;

/**
 * One dispatch of a job to a TaskTracker: the job, the id the JobTracker gave it, and the attempt
 * number that fences this dispatch. A result, lease renewal or log line carrying an older attempt
 * is refused.
 */
public class JobMeta {

  private String jobId;
  private long attempt;
  private Job job;
  private JobType jobType;
  private int retryTimes;
  private int repeatedCount;
  private long triggerTime;
  private String scheduleJobId;

  public JobMeta() {}

  public JobMeta(String jobId, long attempt, Job job) {
    this.jobId = jobId;
    this.attempt = attempt;
    this.job = job;
    this.jobType = job == null ? null : job.getJobType();
  }

  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }

  /** The fencing token of this dispatch; it grows each time the job is claimed. */
  public long getAttempt() {
    return attempt;
  }

  public void setAttempt(long attempt) {
    this.attempt = attempt;
  }

  public Job getJob() {
    return job;
  }

  public void setJob(Job job) {
    this.job = job;
  }

  public JobType getJobType() {
    return jobType;
  }

  public void setJobType(JobType jobType) {
    this.jobType = jobType;
  }

  /** How many times this job has been retried before this run. */
  public int getRetryTimes() {
    return retryTimes;
  }

  public void setRetryTimes(int retryTimes) {
    this.retryTimes = retryTimes;
  }

  /** For repeat jobs: how many runs came before this one. */
  public int getRepeatedCount() {
    return repeatedCount;
  }

  public void setRepeatedCount(int repeatedCount) {
    this.repeatedCount = repeatedCount;
  }

  /** The instant this run was due, in epoch milliseconds. */
  public long getTriggerTime() {
    return triggerTime;
  }

  public void setTriggerTime(long triggerTime) {
    this.triggerTime = triggerTime;
  }

  /** For an instance of a cron or repeat schedule, the schedule's job id; else null. */
  public String getScheduleJobId() {
    return scheduleJobId;
  }

  public void setScheduleJobId(String scheduleJobId) {
    this.scheduleJobId = scheduleJobId;
  }

  @Override
  public String toString() {
    return "JobMeta{jobId="
        + jobId
        + ", attempt="
        + attempt
        + ", taskId="
        + (job == null ? null : job.getTaskId())
        + ", type="
        + jobType
        + "}";
  }
}
