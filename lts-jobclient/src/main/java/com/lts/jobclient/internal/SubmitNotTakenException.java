package com.lts.jobclient.internal;

import com.lts.core.LtsException;
import com.lts.core.event.FailureKind;

/**
 * A JobTracker answered that it could not take saved jobs for now (e.g. its store is busy or down):
 * transient, the jobs are sent again after the back-off.
 */
final class SubmitNotTakenException extends LtsException {

  SubmitNotTakenException(String message) {
    super(message);
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.PEER_UNAVAILABLE;
  }
}
