package com.lts.example.plugin;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.failstore.FailStoreContract;
import com.lts.core.failstore.FailStoreFactory;
import com.lts.core.spi.Plugins;
import com.lts.core.store.AuxiliaryStoresContract;
import com.lts.core.store.Backend;
import com.lts.core.store.DeliveryContract;
import com.lts.core.store.JobStoreContract;
import com.lts.core.store.ScheduleTimingContract;
import com.lts.core.store.Store;
import com.lts.core.store.StoreConcurrencyContract;
import com.lts.core.store.StoreContext;
import com.lts.core.store.StoreFixture;
import com.lts.core.store.StoreProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/**
 * What docs/plugins.md tells a plugin author to write: the contract suites from lts-core's test
 * artifact, run from the author's own package against plugins found by name, as LTS finds them.
 * (Here the plugins are LTS's own H2 store and MVStore FailStore.)
 */
class PluginContractsTest {

  private static Backend backend;

  @BeforeAll
  static void open() {
    backend = Backend.open(new H2Fixture());
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
    protected int paginationRows() {
      return 5_000;
    }
  }

  @Nested
  class Auxiliary extends AuxiliaryStoresContract {
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
  class FailStores extends FailStoreContract {
    @Override
    protected FailStoreFactory factory() {
      return Plugins.find(FailStoreFactory.class, "mvstore", "job.fail.store");
    }
  }

  /** A private in-memory H2 database, opened through the store plugin named {@code h2}. */
  static final class H2Fixture implements StoreFixture {

    private final String url =
        "jdbc:h2:mem:plugin_"
            + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    @Override
    public Store open(Clock clock) {
      LtsConfig config =
          LtsConfig.builder()
              .set(ConfigKeys.JOB_QUEUE, "h2")
              .set(ConfigKeys.JDBC_URL, url)
              .set(ConfigKeys.JOB_LEASE_CLOCK, "node") // the contract moves leases' time too
              .build();
      StoreProvider provider = Plugins.find(StoreProvider.class, "h2", "job.queue");
      return provider.open(new StoreContext(config, Path.of("target"), clock));
    }

    @Override
    public void clear() throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME LIKE 'LTS_%'")) {
          while (rs.next()) {
            tables.add(rs.getString(1));
          }
        }
        for (String table : tables) {
          if (!table.equalsIgnoreCase("lts_schema_version")) {
            s.execute("TRUNCATE TABLE " + table);
          }
        }
      }
    }

    @Override
    public void insertRawFeedback(String jobClientNodeGroup, String result, long created)
        throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          java.sql.PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO lts_feedback (job_client_node_group, job_result, created)"
                      + " VALUES (?, ?, ?)")) {
        ps.setString(1, jobClientNodeGroup);
        ps.setString(2, result);
        ps.setLong(3, created);
        ps.executeUpdate();
      }
    }

    @Override
    public void drop() throws SQLException {
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        s.execute("SHUTDOWN");
      }
    }
  }
}
