package com.lts.core.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store contracts on an in-memory H2 database. */
class H2StoreTest {

  private static final MutableClock CLOCK = new MutableClock(StoreContractBase.T0);
  private static JdbcFixture fixture;
  private static Store store;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.h2();
    store = fixture.open(CLOCK);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
    fixture.drop();
  }

  @Nested
  class Jobs extends JobStoreContract {
    @Override
    StoreFixture fixture() {
      return fixture;
    }

    @Override
    Store store() {
      return store;
    }

    @Override
    MutableClock clock() {
      return CLOCK;
    }
  }

  @Nested
  class Concurrency extends StoreConcurrencyContract {
    @Override
    StoreFixture fixture() {
      return fixture;
    }

    @Override
    Store store() {
      return store;
    }

    @Override
    MutableClock clock() {
      return CLOCK;
    }
  }

  @Nested
  class Auxiliary extends AuxiliaryStoresContract {
    @Override
    StoreFixture fixture() {
      return fixture;
    }

    @Override
    Store store() {
      return store;
    }

    @Override
    MutableClock clock() {
      return CLOCK;
    }
  }
}
