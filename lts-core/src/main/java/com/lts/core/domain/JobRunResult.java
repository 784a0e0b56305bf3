package com.lts.core.domain;

/** What a TaskTracker reports after running one dispatch of a job. */
public class JobRunResult {

  private JobMeta jobMeta;
  private Action action;
  private String msg;
  private long startTime;
  private long endTime;

  public JobRunResult() {}

  public JobRunResult(JobMeta jobMeta, Action action, String msg, long startTime, long endTime) {
    this.jobMeta = jobMeta;
    this.action = action;
    this.msg = msg;
    this.startTime = startTime;
    this.endTime = endTime;
  }

  /** The dispatch this result belongs to; its attempt number fences the result. */
  public JobMeta getJobMeta() {
    return jobMeta;
  }

  public void setJobMeta(JobMeta jobMeta) {
    this.jobMeta = jobMeta;
  }

  public Action getAction() {
    return action;
  }

  public void setAction(Action action) {
    this.action = action;
  }

  public String getMsg() {
    return msg;
  }

  public void setMsg(String msg) {
    this.msg = msg;
  }

  public long getStartTime() {
    return startTime;
  }

  public void setStartTime(long startTime) {
    this.startTime = startTime;
  }

  public long getEndTime() {
    return endTime;
  }

  public void setEndTime(long endTime) {
    this.endTime = endTime;
  }

  @Override
  public String toString() {
    return "JobRunResult{" + jobMeta + ", action=" + action + ", msg='" + msg + "'}";
  }
}
