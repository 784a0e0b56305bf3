package com.lts.example.e2e;

import com.lts.core.config.ConfigKey;
import com.lts.core.config.LtsConfig;
import com.lts.core.node.AbstractNode;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.JobCompletedHandler;
import com.lts.jobclient.RetryJobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Real nodes in this JVM on loopback: an embedded ZooKeeper, JobTrackers on free ports,
 * TaskTrackers and JobClients. Timings are shortened so tests finish quickly; {@link #close()}
 * stops everything in reverse order.
 */
final class LocalCluster implements AutoCloseable {

  private final Path dir;
  private final EmbeddedZooKeeper zooKeeper; // null when the registry is someone else's
  private final String registryAddress;
  private final Deque<Runnable> stops = new ArrayDeque<>();
  private int nodes;
  private String leaseMillis = "3000";
  private Consumer<AbstractNode> beforeStart = node -> {};

  private LocalCluster(Path dir, EmbeddedZooKeeper zooKeeper, String registryAddress) {
    this.dir = dir;
    this.zooKeeper = zooKeeper;
    this.registryAddress = registryAddress;
  }

  static LocalCluster start(Path dir) {
    EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zookeeper"), 0);
    return new LocalCluster(dir, zooKeeper, zooKeeper.address());
  }

  /** Nodes on a registry the caller runs (and stops). */
  static LocalCluster on(Path dir, String registryAddress) {
    return new LocalCluster(dir, null, registryAddress);
  }

  /** The lease of running jobs for nodes made from now on. */
  LocalCluster leaseMillis(long millis) {
    this.leaseMillis = String.valueOf(millis);
    return this;
  }

  /** Called with each node made from now on, just before it starts. */
  LocalCluster beforeStart(Consumer<AbstractNode> beforeStart) {
    this.beforeStart = beforeStart;
    return this;
  }

  String registryAddress() {
    return registryAddress;
  }

  JobTracker jobTracker(LtsConfig store) {
    return jobTracker(store, Clock.systemUTC());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  JobTracker jobTracker(LtsConfig store, Clock clock) {
    JobTracker jobTracker = new JobTracker();
    jobTracker.setClock(clock);
    jobTracker.setRegistryAddress(registryAddress());
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(dir.resolve("jt" + (++nodes)).toString());
    for (Map.Entry<ConfigKey<?>, Object> e : store.values().entrySet()) {
      jobTracker.addConfig((ConfigKey) e.getKey(), e.getValue());
    }
    jobTracker.addConfig("lts.job.lease.millis", leaseMillis);
    jobTracker.addConfig("jobtracker.job.retry.interval.millis", "50");
    beforeStart.accept(jobTracker);
    jobTracker.start();
    stops.push(jobTracker::stop);
    return jobTracker;
  }

  TaskTracker taskTracker(String group, int threads, JobRunner runner) {
    return taskTracker(group, threads, runner, Map.of());
  }

  /** A TaskTracker with extra {@code addConfig} entries. */
  TaskTracker taskTracker(
      String group, int threads, JobRunner runner, Map<String, String> configs) {
    TaskTracker taskTracker = new TaskTracker();
    configs.forEach(taskTracker::addConfig);
    taskTracker.setRegistryAddress(registryAddress());
    taskTracker.setNodeGroup(group);
    taskTracker.setWorkThreads(threads);
    taskTracker.setRunnerFactory(meta -> runner);
    taskTracker.setDataPath(dir.resolve("tt" + (++nodes)).toString());
    taskTracker.addConfig("lts.job.lease.millis", leaseMillis);
    taskTracker.setStopTimeoutMillis(5_000);
    beforeStart.accept(taskTracker);
    taskTracker.start();
    stops.push(taskTracker::stop);
    return taskTracker;
  }

  JobClient jobClient(String group, JobCompletedHandler handler) {
    return start(new JobClient(), group, handler, Map.of());
  }

  /** A JobClient with extra {@code addConfig} entries. */
  JobClient jobClient(String group, JobCompletedHandler handler, Map<String, String> configs) {
    return start(new JobClient(), group, handler, configs);
  }

  RetryJobClient retryJobClient(String group, JobCompletedHandler handler) {
    return start(new RetryJobClient(), group, handler, Map.of());
  }

  RetryJobClient retryJobClient(
      String group, JobCompletedHandler handler, Map<String, String> configs) {
    return start(new RetryJobClient(), group, handler, configs);
  }

  private <C extends JobClient> C start(
      C jobClient, String group, JobCompletedHandler handler, Map<String, String> configs) {
    configs.forEach(jobClient::addConfig);
    jobClient.setRegistryAddress(registryAddress());
    jobClient.setNodeGroup(group);
    jobClient.setDataPath(dir.resolve("jc" + (++nodes)).toString());
    jobClient.setJobCompletedHandler(handler);
    beforeStart.accept(jobClient);
    jobClient.start();
    stops.push(jobClient::stop);
    return jobClient;
  }

  @Override
  public void close() {
    while (!stops.isEmpty()) {
      stops.pop().run();
    }
    if (zooKeeper != null) {
      zooKeeper.close();
    }
  }
}
