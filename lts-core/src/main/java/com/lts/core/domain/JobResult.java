package com.lts.core.domain;

import java.time.Instant;

/**
 * The outcome of a job, as delivered to a {@code JobCompletedHandler} of the JobClient group that
 * submitted it (when the job asked for feedback).
 */
public class JobResult {

  private String jobId;
  private Job job;
  private Action action;
  private String msg;
  private long time;

  public JobResult() {}

  public JobResult(Job job, Action action, String msg, long time) {
    this.job = job;
    this.action = action;
    this.msg = msg;
    this.time = time;
  }

  /**
   * The id of the job (for a cron or repeat job: of the instance) this is the result of; the same
   * in every delivery of this result, so a handler can tell a repeated delivery apart.
   */
  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }

  public Job getJob() {
    return job;
  }

  public void setJob(Job job) {
    this.job = job;
  }

  public Action getAction() {
    return action;
  }

  public void setAction(Action action) {
    this.action = action;
  }

  /** True when the job finished with {@link Action#EXECUTE_SUCCESS}. */
  public boolean isSuccess() {
    return action == Action.EXECUTE_SUCCESS;
  }

  public String getMsg() {
    return msg;
  }

  public void setMsg(String msg) {
    this.msg = msg;
  }

  /** When the job finished, in epoch milliseconds. */
  public long getTime() {
    return time;
  }

  public void setTime(long time) {
    this.time = time;
  }

  @Override
  public String toString() {
    return "JobResult{taskId='"
        + (job == null ? null : job.getTaskId())
        + "', action="
        + action
        + (msg == null ? "" : ", msg='" + msg + "'")
        + ", time="
        + Instant.ofEpochMilli(time)
        + "}";
  }
}
