package com.lts.core.store;

import java.util.Objects;

/**
 * Put a running job back to wait until {@code triggerTime}, counting one more retry.
 *
 * @param log the RETRIED line the store writes in the same transaction when the run is accepted and
 *     it keeps the job log ({@code job.logger=store}); null for none
 */
public record RetryLater(AttemptRef run, long triggerTime, JobLogEntry log) {

  public RetryLater {
    Objects.requireNonNull(run, "run");
  }

  public RetryLater(AttemptRef run, long triggerTime) {
    this(run, triggerTime, null);
  }
}
