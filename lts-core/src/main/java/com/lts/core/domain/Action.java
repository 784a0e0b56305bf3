package com.lts.core.domain;

/** What a {@code JobRunner} reports about one run of a job. */
public enum Action {
  /** The job ran successfully: feedback if wanted, then done. */
  EXECUTE_SUCCESS,
  /** The job failed and must not be retried: feedback if wanted, then done. */
  EXECUTE_FAILED,
  /** The job asks to run again later: retried with back-off up to its {@code maxRetryTimes}. */
  EXECUTE_LATER,
  /** The runner threw: retried with back-off up to its {@code maxRetryTimes}. */
  EXECUTE_EXCEPTION;

  /** Whether this outcome is retried while the job has retries left. */
  public boolean isRetryable() {
    return this == EXECUTE_LATER || this == EXECUTE_EXCEPTION;
  }
}
