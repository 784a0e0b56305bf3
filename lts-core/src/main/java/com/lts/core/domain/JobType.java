package com.lts.core.domain;

/** The kind of a job, derived from which of its schedule fields are set. */
public enum JobType {
  /** Runs as soon as a TaskTracker of its group is free. */
  REAL_TIME,
  /** Runs once at {@code triggerTime}. */
  TRIGGER_TIME,
  /** Runs at each instant of {@code cronExpression}. */
  CRON,
  /** Runs {@code repeatCount} times (or forever with -1), {@code repeatInterval} ms apart. */
  REPEAT
}
