package com.lts.benchmark;

import java.util.List;
import java.util.Map;

/**
 * A peer scheduler measured side by side with LTS on the round's database: {@code --instances}
 * clustered instances in this JVM (the counterpart of LTS's TaskTrackers) whose no-op jobs report
 * to a {@link ProbeRunner}. {@link #close()} stops the instances and closes their connection pools.
 */
interface Peer extends AutoCloseable {

  /** The peers, by the prefix of their scenario names. */
  List<String> NAMES = List.of("quartz", "db-scheduler");

  /** Drain target: LTS's end-to-end jobs/s at least this many times the peer's. */
  static double target(String peer) {
    return switch (peer) {
      case "quartz" -> 3.0;
      case "db-scheduler" -> 2.0;
      default -> throw new IllegalArgumentException("unknown peer " + peer);
    };
  }

  /** How {@code peer} is configured on {@code store}, for the report. */
  static Map<String, String> settings(String peer, BenchmarkOptions options, String store) {
    return switch (peer) {
      case "quartz" -> QuartzPeer.settings(options, store);
      case "db-scheduler" -> DbSchedulerPeer.settings(options, store);
      default -> throw new IllegalArgumentException("unknown peer " + peer);
    };
  }

  /** Opens {@code name} on the round's database; its instances are created but not started. */
  static Peer open(String name, BenchDatabase database, BenchmarkOptions options, ProbeRunner probe)
      throws Exception {
    return switch (name) {
      case "quartz" -> new QuartzPeer(database, options, probe);
      case "db-scheduler" -> new DbSchedulerPeer(database, options, probe);
      default -> throw new IllegalArgumentException("unknown peer " + name);
    };
  }

  /** Stores one job per task id, each due now, before the instances start. */
  void store(List<String> taskIds) throws Exception;

  /** Starts the instances. */
  void start() throws Exception;

  /** Submits one job due now through a running instance (the instances take turns). */
  void submit(String taskId) throws Exception;

  /** Jobs the peer's tables still hold, waiting or running. */
  long remaining();

  @Override
  void close();
}
