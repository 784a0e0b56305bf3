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

  /**
   * A JobTracker that died between the steps of a completion left pending feedback entries: once a
   * minute old, the one whose job is gone is delivered, the one whose job was handed to a new
   * attempt is deleted, and the one whose run is still current waits.
   */
  @Test
  void pendingFeedbackLeftByACrashIsSettledFromTheJobsDocument() throws Exception {
    backend.fixture().clear();
    backend.clock().set(StoreContractBase.T0);
    Store store = backend.store();
    store
        .jobs()
        .submit(
            List.of(
                StoreContractBase.job("gone"),
                StoreContractBase.job("expired"),
                StoreContractBase.job("running")));
    List<StoredJob> runs =
        store.jobs().claim(StoreContractBase.GROUP, "TT_x", 3, StoreContractBase.LEASE);
    var feedback = ((MongoFixture) backend.fixture()).database().getCollection("lts_feedback");
    for (StoredJob run : runs) {
      com.lts.core.domain.JobResult result =
          new com.lts.core.domain.JobResult(
              run.job(), com.lts.core.domain.Action.EXECUTE_SUCCESS, null, StoreContractBase.T0);
      result.setJobId(run.jobId());
      feedback.insertOne(
          new org.bson.Document("jobClientNodeGroup", "clients")
              .append("result", com.lts.core.internal.json.Json.toJson(result))
              .append("created", StoreContractBase.T0)
              .append("jobId", run.jobId())
              .append("pending", run.attempt()));
    }
    StoredJob gone = runs.stream().filter(r -> r.taskId().equals("gone")).findFirst().orElseThrow();
    backend.store().jobs().complete(List.of(gone.attemptRef()));
    backend.clock().set(StoreContractBase.T0 + StoreContractBase.LEASE.toMillis() + 1);
    StoredJob expired =
        runs.stream().filter(r -> r.taskId().equals("expired")).findFirst().orElseThrow();
    StoredJob running =
        runs.stream().filter(r -> r.taskId().equals("running")).findFirst().orElseThrow();
    store.jobs().renewLeases(List.of(running.attemptRef()), java.time.Duration.ofMinutes(10));
    assertThat(store.jobs().expireLeases(10)).hasSize(1);

    assertThat(store.feedback().fetch("clients", null, 10).items())
        .as("younger than a minute")
        .isEmpty();
    backend.clock().set(StoreContractBase.T0 + 61_000);

    assertThat(store.feedback().fetch("clients", null, 10).items())
        .extracting(f -> f.result().getJobId())
        .containsExactly(gone.jobId());
    assertThat(feedback.countDocuments(Filters.eq("jobId", expired.jobId()))).isZero();
    assertThat(feedback.countDocuments(Filters.eq("jobId", running.jobId()))).isEqualTo(1);
  }

  /**
   * The same for dead letters: a letter left pending is invisible; once a minute old, the master's
   * retention run releases the one whose job is gone and drops the one whose job went on.
   */
  @Test
  void pendingDeadLettersLeftByACrashAreSettledFromTheJobsDocument() throws Exception {
    backend.fixture().clear();
    backend.clock().set(StoreContractBase.T0);
    Store store = backend.store();
    store.jobs().submit(List.of(StoreContractBase.job("gone"), StoreContractBase.job("expired")));
    List<StoredJob> runs =
        store.jobs().claim(StoreContractBase.GROUP, "TT_x", 2, StoreContractBase.LEASE);
    var dead = ((MongoFixture) backend.fixture()).database().getCollection("lts_dead_job");
    for (StoredJob run : runs) {
      dead.insertOne(
          new org.bson.Document("_id", run.jobId())
              .append("taskTrackerNodeGroup", run.taskTrackerNodeGroup())
              .append("taskId", run.taskId())
              .append("job", com.lts.core.internal.json.Json.toJson(run.job()))
              .append("attempt", run.attempt())
              .append("retryTimes", 0)
              .append("action", "EXECUTE_EXCEPTION")
              .append("deadTime", StoreContractBase.T0)
              .append("pending", run.attempt()));
    }
    StoredJob gone = runs.stream().filter(r -> r.taskId().equals("gone")).findFirst().orElseThrow();
    StoredJob expired =
        runs.stream().filter(r -> r.taskId().equals("expired")).findFirst().orElseThrow();
    store.jobs().complete(List.of(gone.attemptRef()));
    backend.clock().set(StoreContractBase.T0 + StoreContractBase.LEASE.toMillis() + 1);
    assertThat(store.jobs().expireLeases(10)).hasSize(1);

    assertThat(store.deadJobs().find(gone.jobId())).as("pending: not shown").isEmpty();
    assertThat(store.deadJobs().pruneOlderThan(0, 10)).isZero();
    assertThat(store.deadJobs().countByGroup()).as("younger than a minute").isEmpty();
    backend.clock().set(StoreContractBase.T0 + 61_000);
    assertThat(store.deadJobs().pruneOlderThan(0, 10)).isZero();

    assertThat(store.deadJobs().find(gone.jobId())).isPresent();
    assertThat(dead.countDocuments(Filters.eq("_id", expired.jobId()))).isZero();
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

    @Override
    protected int claimRaceJobs() {
      return 1_000; // mongo-java-server is slow at concurrent updates: keep the suite short
    }

    @Override
    protected int paginationRows() {
      return 20_000;
    }

    @Override
    protected int submitAndClaimBatches() {
      return 8;
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
