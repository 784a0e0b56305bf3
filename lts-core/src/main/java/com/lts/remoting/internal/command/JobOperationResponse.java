package com.lts.remoting.internal.command;

import com.lts.core.domain.OperationResult;
import com.lts.core.domain.OperationStatus;

/** The answer to a {@link JobOperationRequest}: an {@link OperationResult} on the wire. */
public class JobOperationResponse {

  private OperationStatus status;
  private String message;
  private String jobId;

  public JobOperationResponse() {}

  public static JobOperationResponse of(OperationResult result) {
    JobOperationResponse response = new JobOperationResponse();
    response.status = result.status();
    response.message = result.message();
    response.jobId = result.jobId();
    return response;
  }

  /** A response without a status (from a newer JobTracker) reads as FAILED. */
  public OperationResult toResult() {
    return new OperationResult(
        status == null ? OperationStatus.FAILED : status,
        message == null ? "The JobTracker gave no message" : message,
        jobId);
  }

  public OperationStatus getStatus() {
    return status;
  }

  public void setStatus(OperationStatus status) {
    this.status = status;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }
}
