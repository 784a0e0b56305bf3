package com.lts.core.store;

/**
 * The outcome of creating a schedule's instance for one trigger time.
 *
 * @param jobId the instance's id; null for {@link Status#NO_SCHEDULE}
 */
public record InstanceResult(Status status, String jobId) {

  /** What {@link JobStore#createInstance} did. */
  public enum Status {
    /** The instance was created. */
    CREATED,
    /** An instance for that trigger time exists already; nothing was changed. */
    EXISTS,
    /** The schedule does not exist or is not active (suspended or cancelled). */
    NO_SCHEDULE
  }
}
