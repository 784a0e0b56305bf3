package com.lts.core.domain;

/** How a job operation (suspend, resume, trigger now, update, delete) ended. */
public enum OperationStatus {
  /** Carried out. */
  DONE,
  /** No job answers to the reference. */
  NOT_FOUND,
  /**
   * The job exists but is in a state that does not allow it (running, already suspended, not
   * suspended) or was changed since the caller read it; nothing changed.
   */
  REFUSED,
  /** The request itself is wrong (a field of the job, the reference); nothing changed. */
  INVALID,
  /** No JobTracker could be reached or its store failed; the operation may be retried. */
  FAILED
}
