package com.lts.core.domain;

import java.util.Objects;

/**
 * A job that was not accepted and never will be as it is (invalid, or too large to send), with the
 * reason. Sent by the JobTracker in {@link Response#getRefusals()}: the other jobs of the same
 * request were stored.
 */
public class JobRefusal {

  private String taskId;
  private String taskTrackerNodeGroup;
  private String reason;

  public JobRefusal() {}

  public JobRefusal(String taskId, String taskTrackerNodeGroup, String reason) {
    this.taskId = taskId;
    this.taskTrackerNodeGroup = taskTrackerNodeGroup;
    this.reason = reason;
  }

  /** The refused job's task id; null when the job had none. */
  public String getTaskId() {
    return taskId;
  }

  public String getTaskTrackerNodeGroup() {
    return taskTrackerNodeGroup;
  }

  /** Why it was refused, e.g. {@code cronExpression: '...' has no instant in the future}. */
  public String getReason() {
    return reason;
  }

  /** Whether this refusal is about {@code job}. */
  public boolean isAbout(Job job) {
    return job != null
        && Objects.equals(taskId, job.getTaskId())
        && Objects.equals(taskTrackerNodeGroup, job.getTaskTrackerNodeGroup());
  }

  @Override
  public String toString() {
    return (taskId == null ? "job" : "'" + taskId + "'") + ": " + reason;
  }
}
