package com.lts.remoting.internal.command;

/**
 * A TaskTracker has free threads; the JobTracker answers at once and pushes jobs later with
 * PUSH_JOB.
 */
public class JobPullRequest {

  private String identity;
  private String nodeGroup;
  private int availableThreads;

  public JobPullRequest() {}

  public JobPullRequest(String identity, String nodeGroup, int availableThreads) {
    this.identity = identity;
    this.nodeGroup = nodeGroup;
    this.availableThreads = availableThreads;
  }

  /** The pulling TaskTracker's identity. */
  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  /** The pulling TaskTracker's node group. */
  public String getNodeGroup() {
    return nodeGroup;
  }

  public void setNodeGroup(String nodeGroup) {
    this.nodeGroup = nodeGroup;
  }

  /** How many jobs it can start now. */
  public int getAvailableThreads() {
    return availableThreads;
  }

  public void setAvailableThreads(int availableThreads) {
    this.availableThreads = availableThreads;
  }
}
