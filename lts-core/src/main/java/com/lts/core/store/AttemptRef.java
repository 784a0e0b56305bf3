package com.lts.core.store;

import java.util.Objects;

/**
 * One dispatch of a job: its id and the attempt number (fencing token) the claim gave it. Results
 * and lease renewals name the attempt they belong to; the store refuses stale ones.
 */
public record AttemptRef(String jobId, long attempt) {

  public AttemptRef {
    Objects.requireNonNull(jobId, "jobId");
  }
}
