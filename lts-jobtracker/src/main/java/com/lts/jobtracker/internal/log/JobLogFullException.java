package com.lts.jobtracker.internal.log;

import com.lts.core.LtsException;
import com.lts.core.event.FailureKind;

/** The job log's buffer cannot take a batch of business lines now; the sender keeps them. */
final class JobLogFullException extends LtsException {

  JobLogFullException(int lines, String from) {
    super(
        "The job log buffer cannot take "
            + lines
            + " business log lines from "
            + from
            + " now (the store is slow or unavailable, or lazy.job.logger.overflow.size is small);"
            + " they are kept by the TaskTracker and sent again");
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.PEER_UNAVAILABLE;
  }
}
