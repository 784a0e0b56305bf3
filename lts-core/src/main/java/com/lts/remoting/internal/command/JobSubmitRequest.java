package com.lts.remoting.internal.command;

import com.lts.core.domain.Job;
import java.util.List;

/**
 * New jobs from a JobClient; the answer is a {@link com.lts.core.domain.Response} naming the jobs
 * that were not accepted.
 */
public class JobSubmitRequest {

  private List<Job> jobs;

  public JobSubmitRequest() {}

  public JobSubmitRequest(List<Job> jobs) {
    this.jobs = jobs;
  }

  /** The jobs to store and schedule. Never null. */
  public List<Job> getJobs() {
    return jobs == null ? List.of() : jobs;
  }

  public void setJobs(List<Job> jobs) {
    this.jobs = jobs;
  }
}
