package com.lts.benchmark;

import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.registry.zookeeper.EmbeddedZooKeeper;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The measured cluster, in this JVM on loopback: an embedded ZooKeeper, one JobTracker on the
 * round's store, and on demand two TaskTrackers and a JobClient. {@link #close()} stops everything
 * in reverse order.
 */
final class BenchCluster implements AutoCloseable {

  static final String GROUP = "bench";
  static final int TASK_TRACKERS = 2;

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
    try {
      startJobTracker(store);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** The settings that differ from LTS's defaults, as the report shows them. */
  static Map<String, String> settings(BenchmarkOptions options) {
    return Map.of(
        ConfigKeys.PUSH_BATCH_SIZE.name(),
        String.valueOf(options.pushBatchSize()),
        "TaskTracker workThreads",
        TASK_TRACKERS + " x " + options.workThreads(),
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

  /** Starts the two TaskTrackers of group {@value #GROUP}, both running {@code runner}. */
  void startTaskTrackers(JobRunner runner) {
    for (int i = 0; i < TASK_TRACKERS; i++) {
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
