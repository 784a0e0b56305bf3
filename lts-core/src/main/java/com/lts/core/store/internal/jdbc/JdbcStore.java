package com.lts.core.store.internal.jdbc;

import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.store.DeadJobStore;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.JobLogStore;
import com.lts.core.store.JobStore;
import com.lts.core.store.NodeGroupStore;
import com.lts.core.store.NodeStatsStore;
import com.lts.core.store.SettingStore;
import com.lts.core.store.Store;
import com.lts.core.store.StoreContext;
import com.lts.core.store.StoreException;
import com.lts.core.store.StoreUnavailableException;
import com.lts.core.store.internal.DatabaseClock;
import com.lts.core.store.internal.LifecycleLines;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.time.Duration;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link Store} on a HikariCP pool of one JDBC database. */
final class JdbcStore implements Store {

  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

  private static final Pattern SECRET_IN_URL = Pattern.compile("(?i)(password|pwd)=[^&;]*");

  private final HikariDataSource dataSource;
  private final JdbcJobStore jobs;
  private final JdbcFeedbackQueue feedback;
  private final JdbcNodeGroupStore nodeGroups;
  private final JdbcJobLogStore jobLogs;
  private final JdbcNodeStatsStore nodeStats;
  private final JdbcDeadJobStore deadJobs;
  private final JdbcSettingStore settings;

  private JdbcStore(HikariDataSource dataSource, Jdbc jdbc, StoreContext context) {
    this.dataSource = dataSource;
    this.jobs =
        new JdbcJobStore(
            jdbc,
            context.clock(),
            DatabaseClock.forLeases(
                context.config(), context.clock(), () -> JdbcJobStore.databaseMillis(jdbc)),
            LifecycleLines.keptBy(context));
    this.feedback = new JdbcFeedbackQueue(jdbc, context.clock());
    this.nodeGroups = new JdbcNodeGroupStore(jdbc, context.clock());
    this.jobLogs = new JdbcJobLogStore(jdbc);
    this.nodeStats = new JdbcNodeStatsStore(jdbc);
    this.deadJobs = new JdbcDeadJobStore(jdbc);
    this.settings = new JdbcSettingStore(jdbc, context.clock());
  }

  /** Opens the pool and, unless {@code jdbc.create.db.table=false}, migrates the schema. */
  static JdbcStore open(Dialect dialect, String url, StoreContext context) {
    LtsConfig config = context.config();
    String where = SECRET_IN_URL.matcher(url).replaceAll("$1=****");
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("lts-store-" + dialect.name());
    hikari.setJdbcUrl(url);
    hikari.setUsername(config.get(ConfigKeys.JDBC_USERNAME));
    hikari.setPassword(config.get(ConfigKeys.JDBC_PASSWORD));
    hikari.setMaximumPoolSize(config.get(ConfigKeys.JDBC_POOL_MAX_SIZE));
    hikari.setMinimumIdle(Math.min(2, config.get(ConfigKeys.JDBC_POOL_MAX_SIZE)));
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    hikari.setAutoCommit(!dialect.poolInTransaction());
    Duration queryTimeout = config.get(ConfigKeys.JDBC_QUERY_TIMEOUT);
    Duration socketTimeout = config.get(ConfigKeys.JDBC_SOCKET_TIMEOUT);
    Duration connectTimeout = config.get(ConfigKeys.JDBC_CONNECT_TIMEOUT);
    if (socketTimeout.compareTo(queryTimeout) <= 0) {
      throw new StoreException(
          ConfigKeys.JDBC_SOCKET_TIMEOUT.name()
              + " ("
              + ConfigKey.format(socketTimeout)
              + ") must be longer than "
              + ConfigKeys.JDBC_QUERY_TIMEOUT.name()
              + " ("
              + ConfigKey.format(queryTimeout)
              + "), or a slow statement would be taken for a cut connection");
    }
    hikari.setConnectionTimeout(connectTimeout.toMillis());
    hikari.setValidationTimeout(Math.max(250, Math.min(5_000, connectTimeout.toMillis() / 2)));
    dialect.driverProperties().forEach(hikari::addDataSourceProperty);
    dialect
        .timeoutProperties(queryTimeout, socketTimeout, connectTimeout)
        .forEach(hikari::addDataSourceProperty);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(hikari);
    } catch (HikariPool.PoolInitializationException e) {
      throw new StoreUnavailableException(
          "Cannot connect to the job store at "
              + where
              + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())
              + ". Check that the database is running and that jdbc.url, jdbc.username and"
              + " jdbc.password are right.",
          e);
    } catch (RuntimeException e) {
      throw new StoreException("Cannot set up the job store pool for " + where + ": " + e, e);
    }
    Jdbc jdbc = new Jdbc(dataSource, dialect, where, seconds(queryTimeout));
    try {
      if (config.get(ConfigKeys.JDBC_CREATE_DB_TABLE)) {
        // Without the query timeout: a start may wait longer for another node's migration.
        new Jdbc(dataSource, dialect, where, 0)
            .autoCommit("migrate the schema", c -> new SchemaMigrator(dialect).migrate(c));
      } else {
        checkSchema(jdbc, where);
      }
      log.info("Job store: {} at {}", dialect.name(), where);
      return new JdbcStore(dataSource, jdbc, context);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static int seconds(Duration timeout) {
    return (int) Math.max(1, (timeout.toMillis() + 999) / 1000);
  }

  private static void checkSchema(Jdbc jdbc, String where) {
    int version;
    try {
      version = jdbc.autoCommit("read the schema version", SchemaMigrator::currentVersion);
    } catch (StoreException e) {
      throw new StoreException(
          "The job store at "
              + where
              + " has no LTS schema (jdbc.create.db.table=false). Create it with the scripts in"
              + " META-INF/lts/schema/, or set jdbc.create.db.table=true.",
          e);
    }
    if (version < SchemaMigrator.SCRIPTS.size()) {
      throw new StoreException(
          "The job store at "
              + where
              + " has schema version "
              + version
              + ", this LTS needs "
              + SchemaMigrator.SCRIPTS.size()
              + " (jdbc.create.db.table=false). Run the missing scripts or set"
              + " jdbc.create.db.table=true.");
    }
  }

  @Override
  public JobStore jobs() {
    return jobs;
  }

  @Override
  public FeedbackQueue feedback() {
    return feedback;
  }

  @Override
  public NodeGroupStore nodeGroups() {
    return nodeGroups;
  }

  @Override
  public JobLogStore jobLogs() {
    return jobLogs;
  }

  @Override
  public NodeStatsStore nodeStats() {
    return nodeStats;
  }

  @Override
  public DeadJobStore deadJobs() {
    return deadJobs;
  }

  @Override
  public SettingStore settings() {
    return settings;
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
