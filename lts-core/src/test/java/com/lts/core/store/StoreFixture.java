package com.lts.core.store;

import java.time.Clock;

/** One backend a contract suite runs against: a private database, emptied before each test. */
public interface StoreFixture {

  /** A new store (its own pool or client) on this fixture's database. */
  Store open(Clock clock);

  /** Deletes every row the store's tables hold. */
  void clear() throws Exception;

  /**
   * Leaves the state a JobTracker that crashed in the middle of creating an instance could leave:
   * the instance of {@code scheduleJobId} for {@code triggerTime} stored, its schedule not
   * advanced. Aborts the test on backends that create and advance in one transaction, where it
   * cannot occur.
   */
  default void leaveInstanceOfACrashedFeed(String scheduleJobId, long triggerTime) {
    org.junit.jupiter.api.Assumptions.abort(
        "this store creates an instance and advances its schedule in one transaction");
  }

  /**
   * Writes a feedback entry straight into the database, bypassing the store (for entries the store
   * would never write, such as one whose result is not JSON).
   */
  void insertRawFeedback(String jobClientNodeGroup, String result, long created) throws Exception;

  /** Drops the private database. */
  void drop() throws Exception;
}
