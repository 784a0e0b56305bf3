package com.lts.core.node;

import com.lts.core.LtsException;
import com.lts.core.event.FailureKind;

/** No JobTracker of the cluster is reachable right now. */
public class JobTrackerNotFoundException extends LtsException {

  public JobTrackerNotFoundException(String message) {
    super(message);
  }

  public JobTrackerNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.NO_JOB_TRACKER;
  }
}
