package com.lts.remoting.internal.command;

import java.util.List;

/** The TaskTracker's answer to a push: the dispatches it could not take. */
public class JobPushResponse {

  private List<String> failedJobIds;

  public JobPushResponse() {}

  public JobPushResponse(List<String> failedJobIds) {
    this.failedJobIds = failedJobIds;
  }

  /** Job ids the TaskTracker did not start (for example no free thread). Never null. */
  public List<String> getFailedJobIds() {
    return failedJobIds == null ? List.of() : failedJobIds;
  }

  public void setFailedJobIds(List<String> failedJobIds) {
    this.failedJobIds = failedJobIds;
  }
}
