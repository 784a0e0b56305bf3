package com.lts.core.store;

import com.lts.core.domain.BizLog;
import java.util.Objects;

/**
 * One row of the job log.
 *
 * @param id assigned by the store; null when appending
 * @param attempt the attempt the event belongs to, 0 when none
 * @param taskTrackerIdentity the node the event happened on, if any
 */
public record JobLogEntry(
    String id,
    long logTime,
    String jobId,
    String taskTrackerNodeGroup,
    String taskId,
    long attempt,
    JobLogType type,
    BizLog.Level level,
    String taskTrackerIdentity,
    String msg) {

  public static final int MAX_MSG_LENGTH = 4_000;

  public JobLogEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(level, "level");
  }

  /** A line to append (no id yet). */
  public static JobLogEntry of(
      long logTime,
      String jobId,
      String taskTrackerNodeGroup,
      String taskId,
      long attempt,
      JobLogType type,
      BizLog.Level level,
      String taskTrackerIdentity,
      String msg) {
    return new JobLogEntry(
        null,
        logTime,
        jobId,
        taskTrackerNodeGroup,
        taskId,
        attempt,
        type,
        level,
        taskTrackerIdentity,
        msg);
  }
}
