package com.lts.core.store;

/** What happened to one submitted job. */
public enum SubmitStatus {
  /** Stored as a new job. */
  ADDED,
  /**
   * A job with the same (taskTrackerNodeGroup, taskId) existed and was replaced (replaceOnExist).
   */
  REPLACED,
  /** A job with the same (taskTrackerNodeGroup, taskId) exists; nothing was changed. */
  DUPLICATE,
  /**
   * The job's submit id is recorded: this is a re-send of a job stored before (its result carries
   * the first copy's id). Nothing was changed; the submit succeeded.
   */
  ALREADY_RECEIVED,
  /**
   * The job says replaceOnExist, but the job with its (taskTrackerNodeGroup, taskId) is running: a
   * running job is never replaced. Nothing was changed.
   */
  REFUSED_RUNNING
}
