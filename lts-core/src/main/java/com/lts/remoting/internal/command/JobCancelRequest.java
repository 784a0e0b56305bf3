package com.lts.remoting.internal.command;

/**
 * Cancel the waiting job {@code taskId} of a TaskTracker group; answered with a {@link
 * com.lts.core.domain.Response}.
 */
public class JobCancelRequest {

  private String taskId;
  private String taskTrackerNodeGroup;

  public JobCancelRequest() {}

  public JobCancelRequest(String taskId, String taskTrackerNodeGroup) {
    this.taskId = taskId;
    this.taskTrackerNodeGroup = taskTrackerNodeGroup;
  }

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public String getTaskTrackerNodeGroup() {
    return taskTrackerNodeGroup;
  }

  public void setTaskTrackerNodeGroup(String taskTrackerNodeGroup) {
    this.taskTrackerNodeGroup = taskTrackerNodeGroup;
  }
}
