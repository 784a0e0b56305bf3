package com.lts.remoting.internal.command;

import com.lts.core.domain.JobResult;
import java.util.List;

/** Outcomes of jobs that asked for feedback, sent to a JobClient of the submitting group. */
public class JobFeedbackRequest {

  private List<JobResult> jobResults;

  public JobFeedbackRequest() {}

  public JobFeedbackRequest(List<JobResult> jobResults) {
    this.jobResults = jobResults;
  }

  /** The outcomes. Never null. */
  public List<JobResult> getJobResults() {
    return jobResults == null ? List.of() : jobResults;
  }

  public void setJobResults(List<JobResult> jobResults) {
    this.jobResults = jobResults;
  }
}
