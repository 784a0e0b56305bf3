package com.lts.remoting.internal.command;

/**
 * Interrupt the run of {@code jobId} at {@code attempt}; {@code by} says who asked (for its log).
 */
public class JobTerminateRequest {

  private String jobId;
  private long attempt;
  private String by;

  public JobTerminateRequest() {}

  public JobTerminateRequest(String jobId, long attempt, String by) {
    this.jobId = jobId;
    this.attempt = attempt;
    this.by = by;
  }

  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }

  public long getAttempt() {
    return attempt;
  }

  public void setAttempt(long attempt) {
    this.attempt = attempt;
  }

  public String getBy() {
    return by;
  }

  public void setBy(String by) {
    this.by = by;
  }
}
