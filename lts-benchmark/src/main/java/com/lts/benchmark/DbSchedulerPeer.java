package com.lts.benchmark;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.MariaDBJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * db-scheduler: {@code --instances} {@link Scheduler} instances with distinct names, each with
 * {@code workThreads} threads and its own HikariCP pool of {@link BenchDatabase#POOL_SIZE}
 * connections, running one one-time task with a no-op body. They poll with lock-and-fetch where
 * db-scheduler supports it for the database (PostgreSQL, MariaDB, MySQL 8), else with its default
 * fetch; every 100 ms, and immediately after a job is scheduled through them. Its {@code
 * scheduled_tasks} table comes from the DDL of its README ({@code peers/db-scheduler/<store>.sql}).
 */
final class DbSchedulerPeer implements Peer {

  static final String TABLE = "scheduled_tasks";
  static final Duration POLLING_INTERVAL = Duration.ofMillis(100);
  static final double LOWER_LIMIT_FRACTION_OF_THREADS = 0.5;
  static final double UPPER_LIMIT_FRACTION_OF_THREADS = 1.0;

  private final HikariDataSource checks;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<Scheduler> schedulers = new ArrayList<>();
  private final OneTimeTask<Void> task;
  private final JdbcCustomization customization;
  private int turn;

  DbSchedulerPeer(BenchDatabase database, BenchmarkOptions options, ProbeRunner probe)
      throws SQLException {
    this.checks = database.pool("db-scheduler-checks", 2);
    try {
      SqlScript.run(checks, "peers/db-scheduler/" + database.store() + ".sql");
      this.customization = customization(database.store(), checks);
      boolean supported =
          customization.supportsSingleStatementLockAndFetch()
              || customization.supportsGenericLockAndFetch();
      if ("postgresql".equals(database.store()) && !supported) {
        throw new IllegalStateException(
            "db-scheduler's " + customization.getName() + " does not support lock-and-fetch");
      }
      this.task =
          Tasks.oneTime("bench-noop").execute((instance, context) -> probe.ran(instance.getId()));
      for (int i = 1; i <= options.instances(); i++) {
        HikariDataSource pool = database.pool("db-scheduler-" + i, BenchDatabase.POOL_SIZE);
        pools.add(pool);
        SchedulerBuilder builder =
            Scheduler.create(pool, task)
                .schedulerName(new SchedulerName.Fixed("peer-" + i))
                .threads(options.workThreads())
                .pollingInterval(POLLING_INTERVAL)
                .enableImmediateExecution()
                .jdbcCustomization(customization)
                .shutdownMaxWait(Duration.ofSeconds(5));
        if (supported) {
          builder.pollUsingLockAndFetch(
              LOWER_LIMIT_FRACTION_OF_THREADS, UPPER_LIMIT_FRACTION_OF_THREADS);
        }
        schedulers.add(builder.build());
      }
    } catch (RuntimeException | SQLException e) {
      close();
      throw e;
    }
  }

  /**
   * db-scheduler's own detection, except for H2, which it does not know (its default, stated so it
   * does not warn), and MariaDB reached through MySQL Connector/J, which names itself MySQL:
   * MariaDB's customization then, timestamps in UTC.
   */
  private static JdbcCustomization customization(String store, HikariDataSource pool)
      throws SQLException {
    if ("h2".equals(store)) {
      return new DefaultJdbcCustomization(false);
    }
    try (Connection c = pool.getConnection()) {
      if (c.getMetaData().getDatabaseProductVersion().contains("MariaDB")) {
        return new MariaDBJdbcCustomization(true);
      }
    }
    return new AutodetectJdbcCustomization(pool);
  }

  /**
   * How the instances poll on {@code store}: with lock-and-fetch where db-scheduler's customization
   * for the database supports it (PostgreSQL, MySQL 8), else with its default fetch (H2, which it
   * does not know; MariaDB, whose customization in db-scheduler 16.12.0 declines lock-and-fetch).
   */
  static String polling(String store) {
    String lockAndFetch =
        "pollUsingLockAndFetch("
            + LOWER_LIMIT_FRACTION_OF_THREADS
            + ", "
            + UPPER_LIMIT_FRACTION_OF_THREADS
            + ")";
    String fetch = "default (fetch, then lock each on execute)";
    return switch (store) {
      case "postgresql" -> lockAndFetch;
      case "mysql" ->
          fetch
              + " on MariaDB (db-scheduler does not support lock-and-fetch there); "
              + lockAndFetch
              + " on MySQL 8";
      default -> fetch + ": db-scheduler has no lock-and-fetch for " + store;
    };
  }

  static Map<String, String> settings(BenchmarkOptions options, String store) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("instances", options.instances() + " (schedulerName peer-1, peer-2, ...)");
    settings.put("threads", String.valueOf(options.workThreads()));
    settings.put("polling", polling(store));
    settings.put("pollingInterval", POLLING_INTERVAL.toMillis() + " ms");
    settings.put("enableImmediateExecution", "true");
    settings.put("pool", "each instance its own HikariCP pool of " + BenchDatabase.POOL_SIZE);
    return settings;
  }

  @Override
  public void store(List<String> taskIds) {
    SchedulerClient client =
        SchedulerClient.Builder.create(checks, task).jdbcCustomization(customization).build();
    Instant now = Instant.now();
    for (int from = 0; from < taskIds.size(); from += DrainScenario.INSERT_BATCH) {
      List<TaskInstance<?>> batch = new ArrayList<>(DrainScenario.INSERT_BATCH);
      for (String taskId :
          taskIds.subList(from, Math.min(taskIds.size(), from + DrainScenario.INSERT_BATCH))) {
        batch.add(task.instance(taskId));
      }
      client.scheduleBatch(batch, now);
    }
  }

  @Override
  public void start() {
    schedulers.forEach(Scheduler::start);
  }

  @Override
  public void submit(String taskId) {
    Scheduler scheduler = schedulers.get(turn++ % schedulers.size());
    scheduler.schedule(task.instance(taskId), Instant.now());
  }

  @Override
  public long remaining() {
    return BenchDatabase.count(checks, TABLE);
  }

  @Override
  public void close() {
    List<RuntimeException> errors = new ArrayList<>();
    for (Scheduler scheduler : schedulers) {
      try {
        scheduler.stop();
      } catch (RuntimeException e) {
        errors.add(e);
      }
    }
    pools.forEach(HikariDataSource::close);
    checks.close();
    if (!errors.isEmpty()) {
      throw new IllegalStateException(
          "db-scheduler did not stop cleanly: " + errors, errors.get(0));
    }
  }
}
