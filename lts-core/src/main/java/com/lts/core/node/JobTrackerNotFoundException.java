package com.lts.core.node;

import com.lts.core.LtsException;

/** No JobTracker of the cluster is reachable right now. */
public class JobTrackerNotFoundException extends LtsException {

  public JobTrackerNotFoundException(String message) {
    super(message);
  }

  public JobTrackerNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
