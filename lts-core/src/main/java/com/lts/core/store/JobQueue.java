package com.lts.core.store;

/** The queues users know from LTS, as views over the job states. */
public enum JobQueue {
  EXECUTABLE,
  EXECUTING,
  /** Active cron definitions. */
  CRON,
  /** Active repeat definitions. */
  REPEAT,
  SUSPENDED
}
