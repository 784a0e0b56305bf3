package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.MisfirePolicy;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

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

  @Test
  void aDocumentWrittenBeforeMisfirePoliciesReadsAsFireOnceNow() throws Exception {
    backend.fixture().clear();
    Store store = backend.store();
    String id = store.jobs().submit(List.of(StoreContractBase.cron("old"))).get(0).jobId();
    MongoFixture fixture = (MongoFixture) backend.fixture();
    long changed =
        fixture
            .database()
            .getCollection("lts_job")
            .updateOne(Filters.eq("_id", id), Updates.unset("misfirePolicy"))
            .getModifiedCount();
    assertThat(changed).isEqualTo(1);

    assertThat(store.jobs().find(id).orElseThrow().job().getMisfirePolicy())
        .isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
    String instance = store.jobs().createInstance(id, StoreContractBase.T0).jobId();
    assertThat(store.jobs().find(instance).orElseThrow().job().getMisfirePolicy())
        .isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
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

    @Override
    protected int claimRaceJobs() {
      return 2_000;
    }

    @Override
    protected int paginationRows() {
      return 20_000;
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
