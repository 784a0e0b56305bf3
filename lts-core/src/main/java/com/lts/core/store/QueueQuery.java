package com.lts.core.store;

import java.util.Objects;

/**
 * A page of one queue, optionally narrowed by TaskTracker group, taskId, submitting JobClient group
 * and a trigger-time range. Pages follow each other by cursor (keyset on the job id), never by
 * offset, so paging through millions of rows stays as cheap as the first page.
 *
 * @param taskTrackerNodeGroup null for every group
 * @param taskId null for every task
 * @param submitNodeGroup the JobClient group that submitted the job; null for any
 * @param fromTriggerTime inclusive lower bound on the trigger time (epoch ms); null for none
 * @param toTriggerTime exclusive upper bound on the trigger time (epoch ms); null for none
 * @param cursor null for the first page, else the previous page's {@link Page#nextCursor()}
 * @param limit rows per page, 1 to {@value #MAX_LIMIT}
 */
public record QueueQuery(
    JobQueue queue,
    String taskTrackerNodeGroup,
    String taskId,
    String submitNodeGroup,
    Long fromTriggerTime,
    Long toTriggerTime,
    String cursor,
    int limit) {

  public static final int MAX_LIMIT = 10_000;

  public QueueQuery {
    Objects.requireNonNull(queue, "queue");
  }

  public static QueueQuery of(JobQueue queue, int limit) {
    return new QueueQuery(queue, null, null, null, null, null, null, limit);
  }

  public QueueQuery group(String group) {
    return new QueueQuery(
        queue, group, taskId, submitNodeGroup, fromTriggerTime, toTriggerTime, cursor, limit);
  }

  public QueueQuery taskId(String id) {
    return new QueueQuery(
        queue,
        taskTrackerNodeGroup,
        id,
        submitNodeGroup,
        fromTriggerTime,
        toTriggerTime,
        cursor,
        limit);
  }

  public QueueQuery submitGroup(String group) {
    return new QueueQuery(
        queue, taskTrackerNodeGroup, taskId, group, fromTriggerTime, toTriggerTime, cursor, limit);
  }

  /** Jobs whose trigger time is in {@code [fromInclusive, toExclusive)}. */
  public QueueQuery triggerBetween(long fromInclusive, long toExclusive) {
    return new QueueQuery(
        queue,
        taskTrackerNodeGroup,
        taskId,
        submitNodeGroup,
        fromInclusive,
        toExclusive,
        cursor,
        limit);
  }

  public QueueQuery after(String nextCursor) {
    return new QueueQuery(
        queue,
        taskTrackerNodeGroup,
        taskId,
        submitNodeGroup,
        fromTriggerTime,
        toTriggerTime,
        nextCursor,
        limit);
  }
}
