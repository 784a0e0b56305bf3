package com.lts.core.cluster;

/** The roles of an LTS cluster. */
public enum NodeType {
  /** Submits jobs and receives their results. */
  JOB_CLIENT,
  /** Stores, schedules and dispatches jobs. */
  JOB_TRACKER,
  /** Runs jobs. */
  TASK_TRACKER,
  /** LTS Admin (named as in LTS). */
  BACKEND;

  /** The short prefix used in generated node identities, e.g. {@code JT}. */
  public String identityPrefix() {
    return switch (this) {
      case JOB_CLIENT -> "JC";
      case JOB_TRACKER -> "JT";
      case TASK_TRACKER -> "TT";
      case BACKEND -> "BA";
    };
  }
}
