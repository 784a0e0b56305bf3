package com.lts.benchmark;

import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Properties;

/**
 * The measured cluster, in this JVM on loopback: an embedded ZooKeeper, one JobTracker on the
 * round's store, and on demand {@code --instances} TaskTrackers and a JobClient. {@link
 * #withoutJobTracker} leaves the JobTracker out, for one that runs as its own process ({@link
 * #jobTrackerProperties} are its settings). {@link #close()} stops everything in reverse order.
 */
final class BenchCluster implements AutoCloseable {

  static final String GROUP = "bench";
  private final Path dir;
  private final BenchmarkOptions options;
  private final EmbeddedZooKeeper zooKeeper;
  private final Deque<Runnable> stops = new ArrayDeque<>();
  private int nodes;

  BenchCluster(Path dir, LtsConfig store, BenchmarkOptions options) {
    this.dir = dir;
    this.options = options;
    this.zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zookeeper"), 0);
    stops.push(zooKeeper::close);
    if (store == null) {
      return;
    }
    try {
      startJobTracker(store);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** ZooKeeper only: the JobTracker runs elsewhere, registered at {@link #registryAddress()}. */
  static BenchCluster withoutJobTracker(Path dir, BenchmarkOptions options) {
    return new BenchCluster(dir, null, options);
  }

  String registryAddress() {
    return zooKeeper.address();
  }

  /**
   * The settings this cluster gives its in-process JobTracker, as a {@code JobTrackerMain --config}
   * file holds them: registry, listen port 0, a data path of its own, the store's keys and the push
   * batch size.
   */
  Properties jobTrackerProperties(LtsConfig store) {
    Properties p = new Properties();
    p.setProperty("registryAddress", zooKeeper.address());
    p.setProperty("listenPort", "0");
    p.setProperty("dataPath", dir.resolve("jt" + (++nodes)).toAbsolutePath().toString());
    store.values().forEach((key, value) -> p.setProperty(key.name(), String.valueOf(value)));
    p.setProperty(ConfigKeys.PUSH_BATCH_SIZE.name(), String.valueOf(options.pushBatchSize()));
    return p;
  }

  /** Runs {@code stop} when the cluster closes, before what was started earlier stops. */
  void onClose(Runnable stop) {
    stops.push(stop);
  }

  /** The settings that differ from LTS's defaults, as the report shows them. */
  static Map<String, String> settings(BenchmarkOptions options) {
    return Map.of(
        ConfigKeys.PUSH_BATCH_SIZE.name(),
        String.valueOf(options.pushBatchSize()),
        "TaskTracker workThreads",
        options.instances() + " x " + options.workThreads(),
        ConfigKeys.JDBC_POOL_MAX_SIZE.name(),
        String.valueOf(BenchDatabase.POOL_SIZE));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void startJobTracker(LtsConfig store) {
    JobTracker jobTracker = new JobTracker();
    jobTracker.setRegistryAddress(zooKeeper.address());
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(dir.resolve("jt" + (++nodes)).toString());
    for (Map.Entry<ConfigKey<?>, Object> e : store.values().entrySet()) {
      jobTracker.addConfig((ConfigKey) e.getKey(), e.getValue());
    }
    jobTracker.addConfig(ConfigKeys.PUSH_BATCH_SIZE, options.pushBatchSize());
    jobTracker.start();
    stops.push(jobTracker::stop);
  }

  /**
   * Starts {@code --instances} TaskTrackers of group {@value #GROUP}, all running {@code runner}.
   */
  void startTaskTrackers(JobRunner runner) {
    for (int i = 0; i < options.instances(); i++) {
      TaskTracker taskTracker = new TaskTracker();
      taskTracker.setRegistryAddress(zooKeeper.address());
      taskTracker.setNodeGroup(GROUP);
      taskTracker.setWorkThreads(options.workThreads());
      taskTracker.setRunnerFactory(meta -> runner);
      taskTracker.setDataPath(dir.resolve("tt" + (++nodes)).toString());
      taskTracker.setStopTimeoutMillis(5_000);
      taskTracker.start();
      stops.push(taskTracker::stop);
    }
  }

  JobClient startJobClient() {
    JobClient jobClient = new JobClient();
    jobClient.setRegistryAddress(zooKeeper.address());
    jobClient.setNodeGroup("bench_client");
    jobClient.setDataPath(dir.resolve("jc" + (++nodes)).toString());
    jobClient.start();
    stops.push(jobClient::stop);
    return jobClient;
  }

  @Override
  public void close() {
    while (!stops.isEmpty()) {
      stops.pop().run();
    }
  }
}
