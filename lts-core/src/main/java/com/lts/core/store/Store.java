package com.lts.core.store;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.config.NodeConfig;
import com.lts.core.spi.Plugins;
import java.nio.file.Path;
import java.time.Clock;

/**
 * One open connection to a job store database, with a view per feature. Thread-safe; close it once
 * at node stop.
 */
public interface Store extends AutoCloseable {

  JobStore jobs();

  FeedbackQueue feedback();

  NodeGroupStore nodeGroups();

  JobLogStore jobLogs();

  NodeStatsStore nodeStats();

  /** Jobs whose retries were used up, kept for operators. */
  DeadJobStore deadJobs();

  /** Cluster settings an operator changes at run time (LTS Admin's alert rules). */
  SettingStore settings();

  /** Releases the pool or client. */
  @Override
  void close();

  /**
   * Opens the store named by {@code job.queue} ({@link ConfigKeys#JOB_QUEUE}), creating or
   * migrating its schema unless {@code jdbc.create.db.table=false}.
   *
   * @param dataPath the node's data folder; the embedded H2 file lives under it
   * @throws com.lts.core.spi.PluginNotFoundException for an unknown {@code job.queue}
   * @throws StoreException when the database cannot be reached or set up
   */
  static Store open(LtsConfig config, Path dataPath, Clock clock) {
    StoreProvider provider =
        Plugins.find(
            StoreProvider.class, config.get(ConfigKeys.JOB_QUEUE), ConfigKeys.JOB_QUEUE.name());
    return provider.open(new StoreContext(config, dataPath, clock));
  }

  /**
   * {@link #open(LtsConfig, Path, Clock)} with a node's configuration and data folder and the
   * system clock: how a program beside the nodes (LTS Admin, a script) opens the JobTrackers'
   * store.
   */
  static Store open(NodeConfig config) {
    return open(config.configs(), Path.of(config.dataPath()), Clock.systemUTC());
  }
}
