package com.lts.jobtracker.internal.log;

import com.lts.core.domain.BizLog;
import com.lts.core.internal.batch.Batcher;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogType;
import com.lts.core.store.StoredJob;
import com.lts.jobtracker.log.JobLogSink;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job log of this JobTracker: every lifecycle event of a job (received, dispatched, finished,
 * retried, lease expired, cancelled) and the runners' business lines. Writes are batched on one
 * thread so logging never slows dispatch; when the buffer is full, lines are dropped and counted
 * rather than blocking.
 */
public final class JobEventLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JobEventLog.class);

  private final Batcher<JobLogEntry> batcher;
  private final Clock clock;
  private final AtomicLong dropped = new AtomicLong();

  public JobEventLog(JobLogSink sink, int batchSize, int capacity, Clock clock) {
    this.batcher = new Batcher<>("lts-job-log", batchSize, capacity, sink::write);
    this.clock = clock;
  }

  /** One lifecycle event of {@code job}. */
  public void event(StoredJob job, JobLogType type, String taskTrackerIdentity, String msg) {
    event(
        job.jobId(),
        job.taskTrackerNodeGroup(),
        job.taskId(),
        job.attempt(),
        type,
        taskTrackerIdentity,
        msg);
  }

  public void event(
      String jobId,
      String group,
      String taskId,
      long attempt,
      JobLogType type,
      String taskTrackerIdentity,
      String msg) {
    offer(
        JobLogEntry.of(
            clock.millis(),
            jobId,
            group,
            taskId,
            attempt,
            type,
            BizLog.Level.INFO,
            taskTrackerIdentity,
            cut(msg)));
  }

  /** A line a runner wrote through its BizLogger. */
  public void biz(BizLog line) {
    offer(
        JobLogEntry.of(
            line.getLogTime(),
            line.getJobId(),
            line.getTaskTrackerNodeGroup(),
            line.getTaskId(),
            line.getAttempt(),
            JobLogType.BIZ,
            line.getLevel() == null ? BizLog.Level.INFO : line.getLevel(),
            line.getTaskTrackerIdentity(),
            cut(line.getMsg())));
  }

  private void offer(JobLogEntry entry) {
    if (!batcher.offer(entry) && dropped.incrementAndGet() % 10_000 == 1) {
      log.warn(
          "Job log buffer is full; {} lines dropped so far (raise lazy.job.logger.overflow.size or"
              + " check the store)",
          dropped.get());
    }
  }

  /** Lines dropped because the buffer was full. */
  public long dropped() {
    return dropped.get();
  }

  private static String cut(String msg) {
    if (msg == null || msg.length() <= JobLogEntry.MAX_MSG_LENGTH) {
      return msg;
    }
    return msg.substring(0, JobLogEntry.MAX_MSG_LENGTH - 3) + "...";
  }

  @Override
  public void close() {
    batcher.close();
  }
}
