package com.lts.remoting.internal.command;

import java.util.List;

/** The dispatches whose lease could not be renewed; the TaskTracker should stop them. */
public class LeaseRenewResponse {

  private List<String> lostJobIds;

  public LeaseRenewResponse() {}

  public LeaseRenewResponse(List<String> lostJobIds) {
    this.lostJobIds = lostJobIds;
  }

  /** Job ids no longer leased to this TaskTracker. Never null. */
  public List<String> getLostJobIds() {
    return lostJobIds == null ? List.of() : lostJobIds;
  }

  public void setLostJobIds(List<String> lostJobIds) {
    this.lostJobIds = lostJobIds;
  }
}
