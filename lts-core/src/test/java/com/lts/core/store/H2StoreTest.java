package com.lts.core.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store contracts on an in-memory H2 database. */
class H2StoreTest {

  private static Backend backend;

  @BeforeAll
  static void open() throws Exception {
    backend = Backend.open(JdbcFixture.h2());
  }

  @AfterAll
  static void close() throws Exception {
    if (backend != null) {
      backend.close();
    }
  }

  @Nested
  class LifecycleLog extends LifecycleLogContract {
    @Override
    protected Backend backend() {
      return backend;
    }
  }

  @Nested
  class Jobs extends JobStoreContract {
    @Override
    protected Backend backend() {
      return backend;
    }
  }

  @Nested
  class Timing extends ScheduleTimingContract {
    @Override
    protected Backend backend() {
      return backend;
    }
  }

  @Nested
  class Concurrency extends StoreConcurrencyContract {
    @Override
    protected Backend backend() {
      return backend;
    }
  }

  @Nested
  class Delivery extends DeliveryContract {
    @Override
    protected Backend backend() {
      return backend;
    }
  }

  @Nested
  class Auxiliary extends AuxiliaryStoresContract {
    @Override
    protected Backend backend() {
      return backend;
    }
  }
}
