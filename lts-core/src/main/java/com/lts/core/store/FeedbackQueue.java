package com.lts.core.store;

import com.lts.core.domain.JobResult;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Job results waiting for a JobClient group that could not be told at once. */
public interface FeedbackQueue {

  void add(String jobClientNodeGroup, List<JobResult> results);

  /**
   * Oldest first, after {@code cursor} (null for the start).
   *
   * @return a page whose cursor continues after its last entry
   */
  Page<Feedback> fetch(String jobClientNodeGroup, String cursor, int max);

  /** Deletes delivered entries by id; returns how many were deleted. */
  int delete(Collection<String> ids);

  Map<String, Long> countByGroup();
}
