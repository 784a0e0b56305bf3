package com.lts.core.store;

import java.util.Map;
import java.util.Optional;

/**
 * The dead letters: jobs whose retries were used up, written by {@link JobStore#finish} in the same
 * write that removes the job ({@link Completion#deadJob()}), kept until deleted or pruned.
 */
public interface DeadJobStore {

  /**
   * A page of dead jobs ordered by job id, optionally of one group and one taskId; never uses
   * OFFSET.
   *
   * @param group a TaskTracker node group, or null for all
   * @param taskId a taskId (in any group unless {@code group} is given), or null for all
   * @param cursor the previous page's {@link Page#nextCursor()}, or null for the first page
   * @param limit 1 to {@link StoreArguments#MAX_BATCH}
   */
  Page<DeadJob> browse(String group, String taskId, String cursor, int limit);

  /** The dead job that had {@code jobId}. */
  Optional<DeadJob> find(String jobId);

  /** The latest dead job of (group, taskId), the one a {@code JobRef.of(taskId, group)} names. */
  Optional<DeadJob> latest(String taskTrackerNodeGroup, String taskId);

  /** Removes one; false when there was none. */
  boolean delete(String jobId);

  /** How many dead jobs each TaskTracker group has; groups with none are absent. */
  Map<String, Long> countByGroup();

  /**
   * Removes up to {@code max} dead jobs that died before {@code time}, oldest first.
   *
   * @return how many were removed; fewer than {@code max} when no more are due
   */
  int pruneOlderThan(long time, int max);
}
