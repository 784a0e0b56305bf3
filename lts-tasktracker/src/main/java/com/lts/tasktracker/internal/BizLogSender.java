package com.lts.tasktracker.internal;

import com.lts.core.LtsException;
import com.lts.core.domain.BizLog;
import com.lts.core.internal.background.Background;
import com.lts.core.internal.batch.Batcher;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.remoting.internal.command.BizLogSendRequest;
import com.lts.remoting.internal.command.Command;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the business log lines of running jobs to a JobTracker in batches. A batch no JobTracker
 * takes (none reachable, or busy: its job log cannot take more now) is kept and sent again with
 * back-off; meanwhile new lines wait in memory, up to {@value #CAPACITY}. While that memory is full
 * a runner writing a line waits for room (back pressure on the job, whose lease is renewed as long
 * as it runs), so no line is dropped; only lines written after the TaskTracker stopped are counted
 * and logged as not sent.
 */
final class BizLogSender implements AutoCloseable {

  static final int CAPACITY = 100_000;
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private static final Logger log = LoggerFactory.getLogger(BizLogSender.class);

  private final JobTrackerConnections jobTrackers;
  private final Background background;
  private final Batcher<BizLog> batcher;
  private final AtomicLong dropped = new AtomicLong();
  private final long firstBackoffMillis;

  BizLogSender(String identity, JobTrackerConnections jobTrackers, Background background) {
    this(identity, jobTrackers, background, 100);
  }

  BizLogSender(
      String identity,
      JobTrackerConnections jobTrackers,
      Background background,
      long firstBackoffMillis) {
    this.jobTrackers = jobTrackers;
    this.background = background;
    this.firstBackoffMillis = firstBackoffMillis;
    this.batcher = new Batcher<>("lts-bizlog-" + identity, 500, CAPACITY, this::sendUntilTaken);
  }

  void offer(BizLog line) {
    if (!batcher.put(line) && dropped.incrementAndGet() % 10_000 == 1) {
      log.warn(
          "Business log line of job {} not sent: the TaskTracker is stopping; {} so far",
          line.getJobId(),
          dropped.get());
    }
  }

  /** Lines not sent because the TaskTracker was stopping. */
  long dropped() {
    return dropped.get();
  }

  private void sendUntilTaken(List<BizLog> lines) {
    BizLogSendRequest request = new BizLogSendRequest(List.copyOf(lines));
    long backoff = firstBackoffMillis;
    while (true) {
      try {
        jobTrackers.invoke(Command.BIZ_LOG_SEND, request);
        background.succeeded("Business log send");
        return;
      } catch (RuntimeException e) {
        background.failed(
            "Business log send",
            Background.kindOf(e),
            new LtsException(
                lines.size() + " business log lines were not taken; kept and sent again", e));
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LtsException(
            "TaskTracker stopped with " + lines.size() + " business log lines unsent");
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
  }

  @Override
  public void close() {
    batcher.close(5_000);
  }
}
