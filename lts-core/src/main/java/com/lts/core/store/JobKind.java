package com.lts.core.store;

/** What a row of the job table stands for. */
public enum JobKind {
  /** A real-time or trigger-time job: runs once. */
  JOB,
  /** A cron or repeat definition: never runs itself, its instances do. */
  SCHEDULE,
  /** One run of a schedule, created for one trigger time. */
  INSTANCE
}
