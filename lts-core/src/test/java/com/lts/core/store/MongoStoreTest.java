package com.lts.core.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * The store contracts on mongo-java-server (in process, memory backend): no real mongod can be
 * installed on the build machines. The claim race and pagination run on fewer rows here, because
 * the memory backend scans and sorts the whole collection for every claim and page.
 */
class MongoStoreTest {

  private static Backend backend;

  @BeforeAll
  static void open() throws Exception {
    backend = Backend.open(new MongoFixture());
  }

  @AfterAll
  static void close() throws Exception {
    if (backend != null) {
      backend.close();
    }
  }

  @Nested
  class Jobs extends JobStoreContract {
    @Override
    Backend backend() {
      return backend;
    }
  }

  @Nested
  class Concurrency extends StoreConcurrencyContract {
    @Override
    Backend backend() {
      return backend;
    }

    @Override
    int claimRaceJobs() {
      return 2_000;
    }

    @Override
    int paginationRows() {
      return 20_000;
    }
  }

  @Nested
  class Auxiliary extends AuxiliaryStoresContract {
    @Override
    Backend backend() {
      return backend;
    }
  }
}
