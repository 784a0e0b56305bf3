package com.lts.jobtracker.internal.log;

import com.lts.core.LtsException;
import com.lts.core.domain.BizLog;
import com.lts.core.internal.batch.Batcher;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogStore;
import com.lts.core.store.JobLogType;
import com.lts.core.store.StoredJob;
import com.lts.jobtracker.log.JobLogSink;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job log of this JobTracker: every lifecycle event of a job (received, dispatched, finished,
 * retried, lease expired, cancelled) and the runners' business lines.
 *
 * <p>With {@code job.logger=store} the store writes the lines of submits, claims, completions,
 * retries, releases and lease expiries in the write that makes the change ({@link #written} does
 * nothing then), and the other lifecycle lines (operations, schedule instances, refused results)
 * are appended at once by {@link #event}, never buffered. With another sink all lifecycle lines go
 * to it through the buffer; while it is full the thread recording the event waits for room, so no
 * line is dropped. Business lines are buffered and written in batches on one thread; a batch the
 * buffer cannot hold is refused whole ({@link #bizAll}) and the TaskTracker sends it again later; a
 * failed write is retried until it succeeds.
 */
public final class JobEventLog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(JobEventLog.class);

  private final Batcher<JobLogEntry> batcher;
  private final Clock clock;
  private final AtomicLong dropped = new AtomicLong();
  private final JobLogStore lifecycleStore;
  private final int capacity;

  /** Room above the capacity, so that a batch of business lines is taken whole while below it. */
  static final int BIZ_HEADROOM = 1_000;

  /** A log whose lifecycle lines all go to {@code sink} (the store keeps none). */
  public JobEventLog(JobLogSink sink, int batchSize, int capacity, Clock clock) {
    this(sink, null, batchSize, capacity, clock);
  }

  /**
   * @param lifecycleStore the job log of a store that writes lifecycle lines with its changes; null
   *     when the store keeps no job log
   */
  public JobEventLog(
      JobLogSink sink, JobLogStore lifecycleStore, int batchSize, int capacity, Clock clock) {
    this.capacity = capacity;
    this.batcher =
        new Batcher<>(
            "lts-job-log",
            batchSize,
            capacity + BIZ_HEADROOM,
            batch -> writeUntilDone(sink, batch));
    this.lifecycleStore = lifecycleStore;
    this.clock = clock;
  }

  /** Whether the store writes lifecycle lines with the changes they record. */
  public boolean inStore() {
    return lifecycleStore != null;
  }

  /** A lifecycle line, stamped now, to hand to the store with the change it records. */
  public JobLogEntry line(
      String jobId,
      String group,
      String taskId,
      long attempt,
      JobLogType type,
      String taskTrackerIdentity,
      String msg) {
    return JobLogEntry.of(
        clock.millis(),
        jobId,
        group,
        taskId,
        attempt,
        type,
        BizLog.Level.INFO,
        taskTrackerIdentity,
        cut(msg));
  }

  /**
   * A lifecycle line of a change the store made: when the store keeps the job log it wrote the line
   * with the change, otherwise it goes to the sink.
   */
  public void written(JobLogEntry line) {
    if (lifecycleStore == null) {
      offer(line);
    }
  }

  /** {@link #written} for a line of {@code job}. */
  public void written(StoredJob job, JobLogType type, String taskTrackerIdentity, String msg) {
    written(
        line(
            job.jobId(),
            job.taskTrackerNodeGroup(),
            job.taskId(),
            job.attempt(),
            type,
            taskTrackerIdentity,
            msg));
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
    event(line(jobId, group, taskId, attempt, type, taskTrackerIdentity, msg));
  }

  /**
   * A lifecycle line that records no change of the store: appended at once when it keeps the log.
   */
  public void event(JobLogEntry line) {
    if (lifecycleStore != null) {
      lifecycleStore.append(List.of(line));
    } else {
      offer(line);
    }
  }

  /**
   * Takes all of a batch of business lines, or none while the buffer holds {@code capacity} lines
   * or more (the sender keeps them and sends them again later).
   *
   * @return whether the lines were taken
   */
  public synchronized boolean bizAll(List<BizLog> lines) {
    if (batcher.pending() >= capacity || batcher.remainingCapacity() < lines.size()) {
      return false;
    }
    lines.forEach(this::biz);
    return true;
  }

  /**
   * Writes a batch, retrying with back-off while the sink fails: the buffer then fills and new
   * business lines are refused (back pressure) rather than lost.
   */
  private static void writeUntilDone(JobLogSink sink, List<JobLogEntry> batch) {
    long backoffMillis = 100;
    for (int failures = 0; ; failures++) {
      try {
        sink.write(batch);
        if (failures > 0) {
          log.info("Job log written again after {} failed attempts", failures);
        }
        return;
      } catch (RuntimeException e) {
        if (failures == 0) {
          log.warn(
              "Writing {} job log lines failed ({}); retrying until it succeeds, business lines"
                  + " are refused while the buffer is full",
              batch.size(),
              e.toString());
        }
        try {
          Thread.sleep(backoffMillis);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new LtsException(
              "Job log closed with " + batch.size() + " lines it could not write", e);
        }
        backoffMillis = Math.min(backoffMillis * 2, 5_000);
      }
    }
  }

  /** A line a runner wrote through its BizLogger. */
  private void biz(BizLog line) {
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

  /** Queues a line, waiting while the buffer is full; only a closed log refuses it. */
  private void offer(JobLogEntry entry) {
    if (!batcher.put(entry) && dropped.incrementAndGet() % 10_000 == 1) {
      log.warn("Job log is closed; {} lines not written", dropped.get());
    }
  }

  /** Lines refused because the log was closed. */
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
