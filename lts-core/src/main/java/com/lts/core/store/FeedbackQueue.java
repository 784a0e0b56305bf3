package com.lts.core.store;

import com.lts.core.domain.JobResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The outbox of job results for JobClient groups: {@link JobStore#finish} adds a job's result in
 * the write that ends the job, and an entry stays until a JobClient of its group acknowledges it.
 */
public interface FeedbackQueue {

  /** Adds results outside of a completion (they are acknowledged by id or by job id alike). */
  void add(String jobClientNodeGroup, List<JobResult> results);

  /**
   * Oldest first, after {@code cursor} (null for the start). An entry that cannot be read (its
   * stored result is not valid JSON of a result) is skipped, logged once, and left for {@link
   * #pruneOlderThan}: it never stops the entries behind it.
   *
   * @return a page (possibly with fewer than {@code max} items when entries were skipped) whose
   *     cursor continues after the last entry read
   */
  Page<Feedback> fetch(String jobClientNodeGroup, String cursor, int max);

  /** Deletes delivered entries by id; returns how many were deleted. */
  int delete(Collection<String> ids);

  /**
   * Deletes the entries of these jobs ({@link JobResult#getJobId()}) for one group: what a
   * JobClient acknowledged.
   *
   * @return how many were deleted
   */
  int acknowledge(String jobClientNodeGroup, Collection<String> jobIds);

  /**
   * Deletes up to {@code max} entries created before {@code createdBefore}, oldest first.
   *
   * @return how many were deleted; fewer than {@code max} when no more are that old
   */
  int pruneOlderThan(long createdBefore, int max);

  Map<String, Long> countByGroup();
}
