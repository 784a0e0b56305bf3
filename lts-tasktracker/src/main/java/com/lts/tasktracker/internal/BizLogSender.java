package com.lts.tasktracker.internal;

import com.lts.core.LtsException;
import com.lts.core.domain.BizLog;
import com.lts.core.internal.background.Background;
import com.lts.core.internal.batch.Batcher;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.remoting.internal.command.BizLogSendRequest;
import com.lts.remoting.internal.command.Command;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the business log lines of running jobs to a JobTracker in batches. Lines that cannot be
 * sent are dropped (they are a log, not a result).
 */
final class BizLogSender implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BizLogSender.class);

  private final JobTrackerConnections jobTrackers;
  private final Background background;
  private final Batcher<BizLog> batcher;

  BizLogSender(String identity, JobTrackerConnections jobTrackers, Background background) {
    this.jobTrackers = jobTrackers;
    this.background = background;
    this.batcher = new Batcher<>("lts-bizlog-" + identity, 500, 100_000, this::send);
  }

  void offer(BizLog line) {
    if (!batcher.offer(line)) {
      log.warn("Business log line of job {} dropped: the send buffer is full", line.getJobId());
    }
  }

  private void send(List<BizLog> lines) {
    background.run(
        "Business log send",
        () -> {
          try {
            jobTrackers.invoke(Command.BIZ_LOG_SEND, new BizLogSendRequest(List.copyOf(lines)));
          } catch (RuntimeException e) {
            throw new LtsException(lines.size() + " business log lines were dropped", e);
          }
        });
  }

  @Override
  public void close() {
    batcher.close(5_000);
  }
}
