package com.lts.core.store;

import java.util.List;

/** The job log: lifecycle events and runner lines, appended in batches, pruned by age. */
public interface JobLogStore {

  void append(List<JobLogEntry> entries);

  Page<JobLogEntry> query(JobLogQuery query);

  /** Deletes rows logged before {@code time}; returns how many. */
  long pruneOlderThan(long time);
}
