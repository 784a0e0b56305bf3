package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.config.NodeConfig;
import com.lts.core.spi.PluginNotFoundException;
import com.lts.core.testing.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing, configuring and opening a store, and what happens when that goes wrong. */
class StoreOpeningTest {

  private final MutableClock clock = new MutableClock(StoreContractBase.T0);

  @TempDir Path dataPath;

  private static LtsConfig config(String queue, String url) {
    LtsConfig.Builder b = LtsConfig.builder().set(ConfigKeys.JOB_QUEUE, queue);
    if (url != null) {
      b.set(ConfigKeys.JDBC_URL, url);
    }
    return b.build();
  }

  @Test
  void aProgramBesideTheNodesOpensTheStoreFromANodeConfiguration() {
    String jobId;
    try (Store store = Store.open(LtsConfig.empty(), dataPath, clock)) {
      jobId = store.jobs().submit(List.of(StoreContractBase.job("seen"))).get(0).jobId();
    }
    NodeConfig admin =
        NodeConfig.builder(NodeType.JOB_TRACKER)
            .clusterName("test_cluster")
            .nodeGroup("admin")
            .registryAddress("zookeeper://127.0.0.1:2181")
            .dataPath(dataPath.toString())
            .build();
    try (Store store = Store.open(admin)) {
      assertThat(store.jobs().find(jobId)).isPresent();
    }
  }

  @Test
  void theDefaultIsAnH2FileUnderTheDataPathThatKeepsItsJobs() {
    String jobId;
    try (Store store = Store.open(LtsConfig.empty(), dataPath, clock)) {
      jobId = store.jobs().submit(List.of(StoreContractBase.job("kept"))).get(0).jobId();
    }
    assertThat(Files.exists(dataPath.resolve(".lts").resolve("h2").resolve("lts-job-store.mv.db")))
        .isTrue();
    try (Store reopened = Store.open(LtsConfig.empty(), dataPath, clock)) {
      assertThat(reopened.jobs().find(jobId)).isPresent();
    }
  }

  @Test
  void anH2FileSharedByProcessesOpensToo() {
    // H2 refuses DB_CLOSE_ON_EXIT=FALSE (which LTS adds to keep the file open until the store
    // closes) next to AUTO_SERVER=TRUE, the setting that lets a second process in (docs/admin.md).
    String url =
        "jdbc:h2:file:" + dataPath.resolve("shared").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (Store store = Store.open(config("h2", url), dataPath, clock)) {
      assertThat(store.jobs().submit(List.of(StoreContractBase.job("shared")))).hasSize(1);
    }
  }

  @Test
  void anUnknownQueueNameListsTheKnownOnes() {
    LtsConfig config = LtsConfig.builder().set(ConfigKeys.JOB_QUEUE, "redis").build();
    assertThatThrownBy(() -> Store.open(config, dataPath, clock))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("job.queue")
        .hasMessageContaining("h2, mongo, mysql, postgresql");
  }

  @Test
  void aServerDatabaseNeedsAFittingUrl() {
    assertThatThrownBy(() -> Store.open(config("mysql", null), dataPath, clock))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("needs jdbc.url");
    assertThatThrownBy(() -> Store.open(config("postgresql", "jdbc:mysql://h/db"), dataPath, clock))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("does not fit job.queue=postgresql");
  }

  @Test
  void aDatabaseThatIsDownIsReportedAsUnavailable() {
    LtsConfig config =
        config("postgresql", "jdbc:postgresql://127.0.0.1:1/lts?password=secret&connectTimeout=2");
    assertThatThrownBy(() -> Store.open(config, dataPath, clock))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageContaining("jdbc.url")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aMongoThatIsDownIsReportedAsUnavailable() {
    LtsConfig config =
        LtsConfig.builder()
            .set(ConfigKeys.JOB_QUEUE, "mongo")
            .set(ConfigKeys.MONGO_ADDRESSES, "127.0.0.1:1")
            .build();
    assertThatThrownBy(() -> Store.open(config, dataPath, clock))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("mongo.addresses");
  }

  @Test
  void withoutSchemaCreationAMissingSchemaIsAnError() {
    LtsConfig config =
        config("h2", "jdbc:h2:mem:no_schema;DB_CLOSE_DELAY=0").toBuilder()
            .set(ConfigKeys.JDBC_CREATE_DB_TABLE, false)
            .build();
    assertThatThrownBy(() -> Store.open(config, dataPath, clock))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("jdbc.create.db.table");
  }

  @Test
  void aClosedStoreRefusesWorkWithAStoreException() {
    Store store = Store.open(LtsConfig.empty(), dataPath, clock);
    store.close();
    assertThatThrownBy(() -> store.jobs().countByGroup(JobQueue.EXECUTABLE))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("count the EXECUTABLE queue");
  }

  @Test
  void concurrentStartsOnAFreshPostgreSqlSchemaMigrateOnce() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    concurrentStartsMigrateOnce(JdbcFixture.postgreSql());
  }

  @Test
  void concurrentStartsOnAFreshMariaDbDatabaseMigrateOnce() throws Exception {
    Services.assumeReachable("MariaDB", "127.0.0.1", 3306);
    concurrentStartsMigrateOnce(JdbcFixture.mariaDb());
  }

  private void concurrentStartsMigrateOnce(JdbcFixture fixture) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Store> stores = new ArrayList<>();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Store>> opening = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        opening.add(
            pool.submit(
                () -> {
                  start.await();
                  return fixture.open(clock);
                }));
      }
      start.countDown();
      for (Future<Store> f : opening) {
        stores.add(f.get(2, TimeUnit.MINUTES));
      }
      String user = fixture.url().startsWith("jdbc:mysql") ? "root" : "postgres";
      try (Connection c = DriverManager.getConnection(fixture.url(), user, null);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM lts_schema_version")) {
        rs.next();
        assertThat(rs.getInt(1)).as("each of V1 to V4 recorded once").isEqualTo(4);
      }
      stores.get(0).jobs().submit(List.of(StoreContractBase.job("works")));
      assertThat(stores.get(3).jobs().find(StoreContractBase.GROUP, "works")).isPresent();
    } finally {
      stores.forEach(Store::close);
      pool.shutdownNow();
      fixture.drop();
    }
  }
}
