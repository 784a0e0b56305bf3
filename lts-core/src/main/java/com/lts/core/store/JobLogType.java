package com.lts.core.store;

/** The lifecycle events a job log row records, besides the runner's own lines. */
public enum JobLogType {
  RECEIVED,
  DISPATCHED,
  FINISHED,
  RETRIED,
  LEASE_EXPIRED,
  CANCELLED,
  SUSPENDED,
  RESUMED,
  UPDATED,
  /** Made due now, or (a schedule) run once more now, by an operator. */
  TRIGGERED,
  /** An operator asked the TaskTracker running the job to stop that run. */
  TERMINATED,
  /** A line a JobRunner wrote through its BizLogger. */
  BIZ
}
