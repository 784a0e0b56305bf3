package com.lts.jobtracker.maintenance;

import com.lts.core.store.Store;

/**
 * Cleans data that has outlived its use; the JobTracker master calls it about once an hour. Set one
 * with {@code JobTracker.setOldDataHandler}; {@link OldDataDeletePolicy} is LTS's.
 */
@FunctionalInterface
public interface OldDataHandler {

  /** Deletes what is old at {@code now} (epoch ms). */
  void handle(Store store, long now);
}
