package com.lts.remoting.internal.command;

import com.lts.core.domain.BizLog;
import java.util.List;

/** Business log lines a TaskTracker's job runners wrote. */
public class BizLogSendRequest {

  private List<BizLog> bizLogs;

  public BizLogSendRequest() {}

  public BizLogSendRequest(List<BizLog> bizLogs) {
    this.bizLogs = bizLogs;
  }

  /** The log lines, oldest first. Never null. */
  public List<BizLog> getBizLogs() {
    return bizLogs == null ? List.of() : bizLogs;
  }

  public void setBizLogs(List<BizLog> bizLogs) {
    this.bizLogs = bizLogs;
  }
}
