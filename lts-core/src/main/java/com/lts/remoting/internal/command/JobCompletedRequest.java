package com.lts.remoting.internal.command;

import com.lts.core.domain.JobRunResult;
import java.util.List;

/**
 * Results of finished dispatches, and how many new jobs the TaskTracker takes in the same round
 * trip.
 */
public class JobCompletedRequest {

  private List<JobRunResult> results;
  private int availableThreads;

  public JobCompletedRequest() {}

  public JobCompletedRequest(List<JobRunResult> results, int availableThreads) {
    this.results = results;
    this.availableThreads = availableThreads;
  }

  /** The finished dispatches. Never null. */
  public List<JobRunResult> getResults() {
    return results == null ? List.of() : results;
  }

  public void setResults(List<JobRunResult> results) {
    this.results = results;
  }

  /** How many new jobs may come back in the answer; 0 for none. */
  public int getAvailableThreads() {
    return availableThreads;
  }

  public void setAvailableThreads(int availableThreads) {
    this.availableThreads = availableThreads;
  }
}
