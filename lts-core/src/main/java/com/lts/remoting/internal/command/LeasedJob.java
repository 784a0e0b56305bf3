package com.lts.remoting.internal.command;

/** One running dispatch in a lease renewal: the job id and the attempt that fences it. */
public class LeasedJob {

  private String jobId;
  private long attempt;

  public LeasedJob() {}

  public LeasedJob(String jobId, long attempt) {
    this.jobId = jobId;
    this.attempt = attempt;
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
}
