package com.lts.core.store;

import com.lts.core.domain.BizLog;

/**
 * A page of the job log, oldest first. Every filter is optional (null); a query names at least a
 * job, a task (group + taskId) or a time range.
 *
 * @param fromTime inclusive lower bound on the log time, epoch ms
 * @param toTime exclusive upper bound on the log time, epoch ms
 * @param cursor null for the first page, else the previous page's {@link Page#nextCursor()}
 */
public record JobLogQuery(
    String jobId,
    String taskTrackerNodeGroup,
    String taskId,
    Long fromTime,
    Long toTime,
    BizLog.Level level,
    String cursor,
    int limit) {

  public static JobLogQuery forJob(String jobId, int limit) {
    return new JobLogQuery(jobId, null, null, null, null, null, null, limit);
  }

  public static JobLogQuery forTask(String taskTrackerNodeGroup, String taskId, int limit) {
    return new JobLogQuery(null, taskTrackerNodeGroup, taskId, null, null, null, null, limit);
  }

  public static JobLogQuery between(long fromTime, long toTime, int limit) {
    return new JobLogQuery(null, null, null, fromTime, toTime, null, null, limit);
  }

  public JobLogQuery level(BizLog.Level wanted) {
    return new JobLogQuery(
        jobId, taskTrackerNodeGroup, taskId, fromTime, toTime, wanted, cursor, limit);
  }

  public JobLogQuery after(String nextCursor) {
    return new JobLogQuery(
        jobId, taskTrackerNodeGroup, taskId, fromTime, toTime, level, nextCursor, limit);
  }
}
