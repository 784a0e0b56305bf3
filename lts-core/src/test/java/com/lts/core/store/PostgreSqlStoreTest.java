package com.lts.core.store;

import com.lts.core.testing.Services;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The store contracts on PostgreSQL (127.0.0.1:5432, user postgres), in a private schema. */
class PostgreSqlStoreTest {

  private static Backend backend;

  @BeforeAll
  static void open() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    backend = Backend.open(JdbcFixture.postgreSql());
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
