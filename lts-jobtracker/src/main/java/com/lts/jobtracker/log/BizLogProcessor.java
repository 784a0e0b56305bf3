package com.lts.jobtracker.log;

import com.lts.core.domain.BizLog;
import com.lts.remoting.RemotingChannel;
import com.lts.remoting.RequestProcessor;
import com.lts.remoting.command.Ack;
import com.lts.remoting.command.BizLogSendRequest;
import java.util.List;

/** BIZ_LOG_SEND: runners' business log lines, into the job log. */
public final class BizLogProcessor implements RequestProcessor<BizLogSendRequest, Ack> {

  private final JobEventLog eventLog;

  public BizLogProcessor(JobEventLog eventLog) {
    this.eventLog = eventLog;
  }

  @Override
  public Ack process(RemotingChannel channel, BizLogSendRequest request) {
    List<BizLog> lines = request.getBizLogs() == null ? List.of() : request.getBizLogs();
    for (BizLog line : lines) {
      if (line.getTaskTrackerIdentity() == null) {
        line.setTaskTrackerIdentity(channel.peer().identity());
      }
      eventLog.biz(line);
    }
    return new Ack();
  }
}
