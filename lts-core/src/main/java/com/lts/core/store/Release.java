package com.lts.core.store;

import java.util.Objects;

/**
 * Put a running job back to executable without counting a retry ({@link JobStore#release}).
 *
 * @param log the line the store writes in the same transaction when the run is accepted and it
 *     keeps the job log ({@code job.logger=store}); null for none
 */
public record Release(AttemptRef run, JobLogEntry log) {

  public Release {
    Objects.requireNonNull(run, "run");
  }
}
