package com.lts.core.store;

import java.time.Clock;

/** One backend a contract suite runs against: a private database, emptied before each test. */
public interface StoreFixture {

  /** A new store (its own pool or client) on this fixture's database. */
  Store open(Clock clock);

  /** Deletes every row the store's tables hold. */
  void clear() throws Exception;

  /** Drops the private database. */
  void drop() throws Exception;
}
