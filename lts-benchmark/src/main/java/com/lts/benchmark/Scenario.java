package com.lts.benchmark;

import com.lts.core.domain.Job;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One measured scenario; {@link #run} is one round on a fresh database. */
interface Scenario {

  List<String> ALL =
      List.of(
          "drain",
          "batch-submit",
          "latency",
          "trigger",
          "repeat",
          "cron",
          "backlog",
          "admin-queue",
          "quartz-drain",
          "quartz-latency",
          "db-scheduler-drain",
          "db-scheduler-latency");

  String name();

  /** What the scenario measures, for the report. */
  String description();

  /**
   * Runs one round.
   *
   * @param database the round's fresh store
   * @param dir the round's own folder (node data paths, ZooKeeper)
   */
  RoundResult run(BenchDatabase database, Path dir) throws Exception;

  /**
   * True when a round warms up on its own (the backlog scenario drains once unmeasured before it
   * measures), so the benchmark adds no warm-up rounds of its own.
   */
  default boolean warmsUpItself() {
    return false;
  }

  /** The settings the scenario runs with on {@code store}: LTS's, or a peer's. */
  default Map<String, String> settings(BenchmarkOptions options, String store) {
    return BenchCluster.settings(options);
  }

  /** The scenario called {@code name}; {@code out} takes progress lines of long rounds. */
  static Scenario named(String name, BenchmarkOptions options, PrintStream out) {
    return switch (name) {
      case "drain" -> new DrainScenario(options);
      case "batch-submit" -> new BatchSubmitScenario(options);
      case "latency" -> new LatencyScenario(options);
      case "trigger" -> new TriggerScenario(options);
      case "repeat" -> new ScheduleTriggerScenario(options, false);
      case "cron" -> new ScheduleTriggerScenario(options, true);
      case "backlog" -> new BacklogScenario(options, out);
      case "admin-queue" -> new AdminQueueScenario(options, out);
      case "quartz-drain" -> new PeerDrainScenario(options, "quartz");
      case "quartz-latency" -> new PeerLatencyScenario(options, "quartz");
      case "db-scheduler-drain" -> new PeerDrainScenario(options, "db-scheduler");
      case "db-scheduler-latency" -> new PeerLatencyScenario(options, "db-scheduler");
      default ->
          throw new IllegalArgumentException(
              "unknown scenario " + name + "; known: " + String.join(", ", ALL));
    };
  }

  /** A no-op job for the benchmark's TaskTracker group. */
  static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(BenchCluster.GROUP);
    job.setNeedFeedback(false);
    return job;
  }

  static Duration timeout(BenchmarkOptions options) {
    return Duration.ofSeconds(options.roundTimeoutSeconds());
  }

  /** Jobs of the benchmark's group the store still holds as executable or executing. */
  static long unfinished(Store store) {
    return store.jobs().countByGroup(JobQueue.EXECUTABLE).getOrDefault(BenchCluster.GROUP, 0L)
        + store.jobs().countByGroup(JobQueue.EXECUTING).getOrDefault(BenchCluster.GROUP, 0L);
  }

  static double perSecond(long count, long nanos) {
    return count * 1e9 / Math.max(1, nanos);
  }
}
