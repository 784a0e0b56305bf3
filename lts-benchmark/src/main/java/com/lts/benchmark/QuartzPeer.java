package com.lts.benchmark;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz 2.5 with its JDBC job store ({@code JobStoreTX}), clustered: {@code --instances} scheduler
 * instances of one scheduler name with distinct instance ids, each with {@code workThreads} threads
 * and its own HikariCP pool of {@link BenchDatabase#POOL_SIZE} connections. Its tables are created
 * from the DDL script shipped inside the Quartz jar for the round's database.
 */
final class QuartzPeer implements Peer {

  static final String SCHEDULER_NAME = "LtsBenchQuartz";
  static final String GROUP = "bench";

  private final BenchmarkOptions options;
  private final String store;
  private final HikariDataSource checks;
  private final List<HikariDataSource> pools = new ArrayList<>();
  private final List<Scheduler> schedulers = new ArrayList<>();
  private int turn;

  QuartzPeer(BenchDatabase database, BenchmarkOptions options, ProbeRunner probe)
      throws SchedulerException {
    this.options = options;
    this.store = database.store();
    this.checks = database.pool("quartz-checks", 2);
    try {
      SqlScript.run(checks, "org/quartz/impl/jdbcjobstore/tables_" + script(store) + ".sql");
      String dataSources = "lts-bench-" + UUID.randomUUID();
      Job job = new ProbeJob(probe);
      for (int i = 1; i <= options.instances(); i++) {
        HikariDataSource pool = database.pool("quartz-" + i, BenchDatabase.POOL_SIZE);
        pools.add(pool);
        String dataSource = dataSources + "-" + i;
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new Pool(pool));
        Scheduler scheduler =
            new StdSchedulerFactory(properties(options, store, i, dataSource)).getScheduler();
        // Quartz keeps one scheduler per name in a JVM-wide registry; the clustered instances of
        // one name would otherwise share one Scheduler object in this JVM.
        SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
        scheduler.setJobFactory((bundle, s) -> job);
        schedulers.add(scheduler);
      }
    } catch (RuntimeException | SchedulerException e) {
      close();
      throw e;
    }
  }

  private static String script(String store) {
    return switch (store) {
      case "h2" -> "h2";
      case "mysql" -> "mysql_innodb";
      case "postgresql" -> "postgres";
      default -> throw new IllegalArgumentException("unknown store " + store);
    };
  }

  private static String delegate(String store) {
    return "postgresql".equals(store)
        ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate"
        : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate";
  }

  /** The Quartz properties the instances run with (less instance id and data source name). */
  static Map<String, String> settings(BenchmarkOptions options, String store) {
    Map<String, String> settings = new LinkedHashMap<>();
    Properties p = properties(options, store, 1, "(pool)");
    for (String key : p.stringPropertyNames().stream().sorted().toList()) {
      if (!key.endsWith("instanceId") && !key.endsWith("dataSource")) {
        settings.put(key, p.getProperty(key));
      }
    }
    settings.put(
        "instances",
        options.instances()
            + " (instanceId peer-1, peer-2), each its own HikariCP pool of "
            + BenchDatabase.POOL_SIZE);
    return settings;
  }

  private static Properties properties(
      BenchmarkOptions options, String store, int instance, String dataSource) {
    String threads = String.valueOf(options.workThreads());
    Properties p = new Properties();
    p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
    p.setProperty("org.quartz.scheduler.instanceId", "peer-" + instance);
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", threads);
    p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
    p.setProperty("org.quartz.threadPool.threadCount", threads);
    p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
    p.setProperty("org.quartz.jobStore.driverDelegateClass", delegate(store));
    p.setProperty("org.quartz.jobStore.dataSource", dataSource);
    p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
    p.setProperty("org.quartz.jobStore.isClustered", "true");
    p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
    // A backlog waiting longer than the default 60 s is not treated as misfired: Quartz's misfire
    // handling would be extra work the other schedulers do not do.
    p.setProperty(
        "org.quartz.jobStore.misfireThreshold",
        String.valueOf(options.roundTimeoutSeconds() * 1_000L));
    return p;
  }

  @Override
  public void store(List<String> taskIds) throws SchedulerException {
    for (int from = 0; from < taskIds.size(); from += DrainScenario.INSERT_BATCH) {
      Map<JobDetail, Set<? extends Trigger>> batch = new LinkedHashMap<>();
      for (String taskId :
          taskIds.subList(from, Math.min(taskIds.size(), from + DrainScenario.INSERT_BATCH))) {
        batch.put(job(taskId), Set.of(trigger(taskId)));
      }
      schedulers.get(0).scheduleJobs(batch, false);
    }
  }

  @Override
  public void start() throws SchedulerException {
    for (Scheduler scheduler : schedulers) {
      scheduler.start();
    }
  }

  @Override
  public void submit(String taskId) throws SchedulerException {
    Scheduler scheduler = schedulers.get(turn++ % schedulers.size());
    scheduler.scheduleJob(job(taskId), trigger(taskId));
  }

  private static JobDetail job(String taskId) {
    return JobBuilder.newJob(ProbeJob.class).withIdentity(taskId, GROUP).build();
  }

  private static Trigger trigger(String taskId) {
    return TriggerBuilder.newTrigger().withIdentity(taskId, GROUP).startNow().build();
  }

  @Override
  public long remaining() {
    return BenchDatabase.count(checks, "QRTZ_TRIGGERS")
        + BenchDatabase.count(checks, "QRTZ_FIRED_TRIGGERS");
  }

  @Override
  public void close() {
    List<Exception> errors = new ArrayList<>();
    for (Scheduler scheduler : schedulers) {
      try {
        scheduler.shutdown(true);
      } catch (SchedulerException | RuntimeException e) {
        errors.add(e);
      }
    }
    pools.forEach(HikariDataSource::close);
    checks.close();
    if (!errors.isEmpty()) {
      throw new IllegalStateException("Quartz did not shut down cleanly: " + errors, errors.get(0));
    }
  }

  /** The no-op job: reports its run to the probe; the job's name is its task id. */
  static final class ProbeJob implements Job {

    private final ProbeRunner probe;

    ProbeJob(ProbeRunner probe) {
      this.probe = probe;
    }

    @Override
    public void execute(JobExecutionContext context) {
      probe.ran(context.getJobDetail().getKey().getName());
    }
  }

  /** Hands Quartz connections from the benchmark's HikariCP pool. */
  private record Pool(HikariDataSource pool) implements ConnectionProvider {

    @Override
    public Connection getConnection() throws SQLException {
      return pool.getConnection();
    }

    @Override
    public void shutdown() {
      pool.close();
    }

    @Override
    public void initialize() {
      // the pool is ready when it is handed over
    }
  }
}
