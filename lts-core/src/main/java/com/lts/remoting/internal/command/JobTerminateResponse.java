package com.lts.remoting.internal.command;

/** Whether the TaskTracker was running that attempt and interrupted it. */
public class JobTerminateResponse {

  private boolean interrupted;

  public JobTerminateResponse() {}

  public JobTerminateResponse(boolean interrupted) {
    this.interrupted = interrupted;
  }

  public boolean isInterrupted() {
    return interrupted;
  }

  public void setInterrupted(boolean interrupted) {
    this.interrupted = interrupted;
  }
}
