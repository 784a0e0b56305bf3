package com.lts.admin;

import com.lts.admin.auth.Users;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.LtsConfig;
import com.lts.core.domain.Result;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.Store;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real cluster for every Admin test class in this JVM: an embedded ZooKeeper, a JobTracker on
 * an in-memory H2 store, a TaskTracker of group {@value #GROUP} whose runner counts runs and writes
 * BizLogger lines, and LTS Admin on a free port with an admin and a viewer. Started once, closed
 * when the whole run ends.
 */
public final class AdminCluster implements AutoCloseable {

  static final String GROUP = "shop";
  static final String ADMIN = "ops";
  static final String VIEWER = "watcher";
  static final String PASSWORD = "correct horse battery";
  static final String METRICS_TOKEN = "scrape-token-for-tests";

  /** Runs per taskId. */
  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  final Path dir;
  final EmbeddedZooKeeper zooKeeper;
  final JdbcFixture database;
  final Store store;
  final LtsAdmin admin;
  private final Map<String, String> adminProperties;
  private final Deque<AutoCloseable> stops = new ArrayDeque<>();
  private int nodes;

  /** Put on a test class with {@code @ExtendWith}: {@link #get()} is then the shared cluster. */
  public static final class Shared implements BeforeAllCallback {
    private static AdminCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
      cluster =
          context
              .getRoot()
              .getStore(ExtensionContext.Namespace.GLOBAL)
              .getOrComputeIfAbsent(AdminCluster.class, k -> start(), AdminCluster.class);
    }
  }

  static AdminCluster get() {
    return Shared.cluster;
  }

  private AdminCluster() throws Exception {
    dir = Files.createTempDirectory("lts-admin-test");
    zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zookeeper"), 0);
    stops.push(zooKeeper);
    database = JdbcFixture.h2();
    stops.push(database::drop);
    store = database.open(Clock.systemUTC());
    stops.push(store);
    JobTracker jobTracker = new JobTracker();
    jobTracker.setRegistryAddress(zooKeeper.address());
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(dir.resolve("jt").toString());
    addConfigs(jobTracker, database.config());
    jobTracker.addConfig("jobtracker.job.retry.interval.millis", "50");
    jobTracker.start();
    stops.push(jobTracker::stop);
    taskTracker(GROUP);

    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("registryAddress", zooKeeper.address());
    properties.put("dataPath", dir.resolve("admin").toString());
    database.config().values().forEach((key, value) -> properties.put(key.name(), text(value)));
    properties.put("lts.admin.http.port", "0");
    properties.put("lts.admin.http.host", "127.0.0.1");
    String hash = Users.hash(PASSWORD);
    properties.put("lts.admin.metrics.token", METRICS_TOKEN);
    properties.put("lts.admin.users", ADMIN + ":admin:" + hash + "," + VIEWER + ":viewer:" + hash);
    adminProperties = Map.copyOf(properties);
    admin = new LtsAdmin(properties, new PrintStream(new ByteArrayOutputStream())).start();
    stops.push(admin);
  }

  private static String text(Object value) {
    return value instanceof java.time.Duration d ? ConfigKey.format(d) : String.valueOf(value);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void addConfigs(JobTracker jobTracker, LtsConfig configs) {
    configs.values().forEach((key, value) -> jobTracker.addConfig((ConfigKey) key, value));
  }

  private static AdminCluster start() {
    try {
      return new AdminCluster();
    } catch (Exception e) {
      throw new IllegalStateException("The test cluster did not start", e);
    }
  }

  /**
   * A TaskTracker whose runner counts runs per taskId and writes BizLogger lines: {@code lines}
   * (param) lines, {@code pauseMillis} apart; it throws when the job's param {@code fail} is true.
   */
  synchronized TaskTracker taskTracker(String group) {
    JobRunner runner =
        new JobRunner() {
          @Override
          public Result run(JobContext context) throws Exception {
            String taskId = context.getJob().getTaskId();
            runs.computeIfAbsent(taskId, k -> new AtomicInteger()).incrementAndGet();
            if ("true".equals(context.getJob().getParam("fail"))) {
              throw new IllegalStateException("failing as asked for " + taskId);
            }
            int lines = Integer.parseInt(orDefault(context.getJob().getParam("lines"), "1"));
            long pause = Long.parseLong(orDefault(context.getJob().getParam("pauseMillis"), "0"));
            for (int i = 1; i <= lines; i++) {
              context.getBizLogger().info("step " + i + " of " + lines + " for " + taskId);
              if (pause > 0) {
                Thread.sleep(pause);
              }
            }
            return Result.success();
          }
        };
    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setRegistryAddress(zooKeeper.address());
    taskTracker.setNodeGroup(group);
    taskTracker.setWorkThreads(4);
    taskTracker.setRunnerFactory(meta -> runner);
    taskTracker.setDataPath(dir.resolve("tt" + (++nodes)).toString());
    taskTracker.setStopTimeoutMillis(2_000);
    taskTracker.start();
    stops.push(taskTracker::stop);
    return taskTracker;
  }

  /** The settings of the cluster's Admin, for a test that starts another one beside it. */
  Map<String, String> adminProperties() {
    return new LinkedHashMap<>(adminProperties);
  }

  int runs(String taskId) {
    AtomicInteger count = runs.get(taskId);
    return count == null ? 0 : count.get();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + admin.port();
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  @Override
  public void close() {
    while (!stops.isEmpty()) {
      try {
        stops.pop().close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }
}
