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
  DUPLICATE
}
