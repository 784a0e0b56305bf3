package com.lts.remoting.internal.command;

import java.util.List;

/** How the JobClient took the feedback: how many it handled and which it could not. */
public class JobFeedbackResponse {

  private int handled;
  private List<String> failedTaskIds;

  public JobFeedbackResponse() {}

  public JobFeedbackResponse(int handled, List<String> failedTaskIds) {
    this.handled = handled;
    this.failedTaskIds = failedTaskIds;
  }

  /** Number of results handed to the JobClient's completion handler. */
  public int getHandled() {
    return handled;
  }

  public void setHandled(int handled) {
    this.handled = handled;
  }

  /**
   * Task ids of the results it could not handle; the JobTracker sends them again later. Never null.
   */
  public List<String> getFailedTaskIds() {
    return failedTaskIds == null ? List.of() : failedTaskIds;
  }

  public void setFailedTaskIds(List<String> failedTaskIds) {
    this.failedTaskIds = failedTaskIds;
  }
}
