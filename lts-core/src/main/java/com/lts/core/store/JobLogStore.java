package com.lts.core.store;

import java.util.List;

/** The job log: lifecycle events and runner lines, appended in batches, pruned by age. */
public interface JobLogStore {

  void append(List<JobLogEntry> entries);

  Page<JobLogEntry> query(JobLogQuery query);

  /**
   * Deletes at most {@code maxRows} rows logged before {@code time}, oldest first, in one
   * statement; returns how many. Call again until it returns less than {@code maxRows}: one
   * unbounded delete of a big log would hold the database (and its caller) for minutes.
   */
  long pruneOlderThan(long time, int maxRows);

  /** Deletes every row logged before {@code time}, in bounded batches; returns how many. */
  default long pruneOlderThan(long time) {
    int batch = 10_000;
    long total = 0;
    long deleted;
    do {
      deleted = pruneOlderThan(time, batch);
      total += deleted;
    } while (deleted == batch);
    return total;
  }
}
