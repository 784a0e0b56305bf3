package com.lts.jobtracker.internal.log;

import com.lts.core.domain.BizLog;
import com.lts.core.store.JobStore;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.Ack;
import com.lts.remoting.internal.command.BizLogSendRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BIZ_LOG_SEND: runners' business log lines, into the job log. Lines from an attempt that is no
 * longer current (its job was handed to a newer attempt) are refused, like its result.
 */
public final class BizLogProcessor implements RequestProcessor<BizLogSendRequest, Ack> {

  private static final Logger log = LoggerFactory.getLogger(BizLogProcessor.class);

  private final JobEventLog eventLog;
  private final JobStore jobs;
  private final BizLogLimits limits;

  public BizLogProcessor(JobEventLog eventLog, JobStore jobs, BizLogLimits limits) {
    this.eventLog = eventLog;
    this.jobs = jobs;
    this.limits = limits;
  }

  @Override
  public Ack process(RemotingChannel channel, BizLogSendRequest request) {
    accept(
        request.getBizLogs() == null ? List.of() : request.getBizLogs(), channel.peer().identity());
    return new Ack();
  }

  /**
   * Logs the lines of current attempts; returns how many were refused.
   *
   * @throws JobLogFullException when the job log cannot take them now (answered SYSTEM_BUSY: the
   *     TaskTracker keeps them and sends them again)
   * @param from the TaskTracker that sent them
   */
  public int accept(List<BizLog> lines, String from) {
    Set<String> jobIds = new HashSet<>();
    lines.forEach(line -> jobIds.add(line.getJobId()));
    // A finished job is gone; its last lines may still be on their way and are kept.
    Map<String, Long> current = jobIds.isEmpty() ? Map.of() : jobs.attempts(jobIds);
    int refused = 0;
    List<BizLog> kept = new ArrayList<>(lines.size());
    for (BizLog line : lines) {
      Long attempt = current.get(line.getJobId());
      if (attempt != null && line.getAttempt() < attempt) {
        refused++;
        continue;
      }
      if (line.getTaskTrackerIdentity() == null) {
        line.setTaskTrackerIdentity(from);
      }
      kept.add(line);
    }
    kept = limits.apply(kept);
    if (!eventLog.bizAll(kept)) {
      throw new JobLogFullException(kept.size(), from);
    }
    if (refused > 0) {
      log.info("{} log lines from {} refused: their attempts are no longer current", refused, from);
    }
    return refused;
  }
}
