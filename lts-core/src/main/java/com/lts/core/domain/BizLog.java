package com.lts.core.domain;

/** One line a {@code JobRunner} wrote through its {@code BizLogger}, on its way to the job log. */
public class BizLog {

  /** Severity of a business log line. */
  public enum Level {
    DEBUG,
    INFO,
    ERROR
  }

  private String jobId;
  private long attempt;
  private String taskId;
  private String taskTrackerNodeGroup;
  private String taskTrackerIdentity;
  private Level level;
  private String msg;
  private long logTime;

  public BizLog() {}

  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }

  /** The attempt of the run that wrote the line; lines from a stale attempt are refused. */
  public long getAttempt() {
    return attempt;
  }

  public void setAttempt(long attempt) {
    this.attempt = attempt;
  }

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public String getTaskTrackerNodeGroup() {
    return taskTrackerNodeGroup;
  }

  public void setTaskTrackerNodeGroup(String taskTrackerNodeGroup) {
    this.taskTrackerNodeGroup = taskTrackerNodeGroup;
  }

  public String getTaskTrackerIdentity() {
    return taskTrackerIdentity;
  }

  public void setTaskTrackerIdentity(String taskTrackerIdentity) {
    this.taskTrackerIdentity = taskTrackerIdentity;
  }

  public Level getLevel() {
    return level;
  }

  public void setLevel(Level level) {
    this.level = level;
  }

  public String getMsg() {
    return msg;
  }

  public void setMsg(String msg) {
    this.msg = msg;
  }

  public long getLogTime() {
    return logTime;
  }

  public void setLogTime(long logTime) {
    this.logTime = logTime;
  }
}
