package com.lts.remoting.internal.command;

import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import java.util.List;

/** The JobTracker's answer to completed results: the ones it refused and the next jobs to run. */
public class JobCompletedResponse {

  private List<JobRunResult> refusedResults;
  private List<JobMeta> nextJobs;

  public JobCompletedResponse() {}

  public JobCompletedResponse(List<JobRunResult> refusedResults, List<JobMeta> nextJobs) {
    this.refusedResults = refusedResults;
    this.nextJobs = nextJobs;
  }

  /** Results not accepted, e.g. for an attempt that is no longer current. Never null. */
  public List<JobRunResult> getRefusedResults() {
    return refusedResults == null ? List.of() : refusedResults;
  }

  public void setRefusedResults(List<JobRunResult> refusedResults) {
    this.refusedResults = refusedResults;
  }

  /** New dispatches for the TaskTracker, at most the threads it offered. Never null. */
  public List<JobMeta> getNextJobs() {
    return nextJobs == null ? List.of() : nextJobs;
  }

  public void setNextJobs(List<JobMeta> nextJobs) {
    this.nextJobs = nextJobs;
  }
}
