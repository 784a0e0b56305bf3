package com.lts.remoting.internal.command;

import java.util.List;

/** A TaskTracker is still running these dispatches; renews their leases. */
public class LeaseRenewRequest {

  private String identity;
  private List<LeasedJob> jobs;

  public LeaseRenewRequest() {}

  public LeaseRenewRequest(String identity, List<LeasedJob> jobs) {
    this.identity = identity;
    this.jobs = jobs;
  }

  /** The renewing TaskTracker's identity. */
  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  /** The running dispatches. Never null. */
  public List<LeasedJob> getJobs() {
    return jobs == null ? List.of() : jobs;
  }

  public void setJobs(List<LeasedJob> jobs) {
    this.jobs = jobs;
  }
}
