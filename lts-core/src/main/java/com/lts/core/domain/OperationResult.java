package com.lts.core.domain;

import java.util.Objects;

/**
 * The outcome of a job operation.
 *
 * @param jobId the job operated on when it was found, else null
 * @param message what happened, or why not and what to do
 */
public record OperationResult(OperationStatus status, String message, String jobId) {

  public OperationResult {
    Objects.requireNonNull(status, "status");
  }

  public boolean isDone() {
    return status == OperationStatus.DONE;
  }
}
