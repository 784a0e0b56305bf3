package com.lts.core.store;

import java.util.Objects;

/**
 * A page of one queue, optionally narrowed to a TaskTracker group and a taskId.
 *
 * @param taskTrackerNodeGroup null for every group
 * @param taskId null for every task
 * @param cursor null for the first page, else the previous page's {@link Page#nextCursor()}
 * @param limit rows per page, 1 to {@value #MAX_LIMIT}
 */
public record QueueQuery(
    JobQueue queue, String taskTrackerNodeGroup, String taskId, String cursor, int limit) {

  public static final int MAX_LIMIT = 10_000;

  public QueueQuery {
    Objects.requireNonNull(queue, "queue");
  }

  public static QueueQuery of(JobQueue queue, int limit) {
    return new QueueQuery(queue, null, null, null, limit);
  }

  public QueueQuery group(String group) {
    return new QueueQuery(queue, group, taskId, cursor, limit);
  }

  public QueueQuery taskId(String id) {
    return new QueueQuery(queue, taskTrackerNodeGroup, id, cursor, limit);
  }

  public QueueQuery after(String nextCursor) {
    return new QueueQuery(queue, taskTrackerNodeGroup, taskId, nextCursor, limit);
  }
}
