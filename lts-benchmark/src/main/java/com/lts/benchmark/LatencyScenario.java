package com.lts.benchmark;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A JobClient submits real-time jobs one per call at a fixed rate while the TaskTrackers run;
 * submit→start latency is the runner's start minus the submit call's start, on this JVM's {@link
 * System#nanoTime()} clock. One second at the same rate warms up first and is not recorded.
 */
final class LatencyScenario implements Scenario {

  static final int WARM_UP_SECONDS = 1;

  private final BenchmarkOptions options;

  LatencyScenario(BenchmarkOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "latency";
  }

  @Override
  public String description() {
    return "real-time jobs submitted one per call at "
        + options.latencyRate()
        + "/s for "
        + options.seconds()
        + " s (after a "
        + WARM_UP_SECONDS
        + " s warm-up), "
        + options.instances()
        + " TaskTracker(s) running";
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) {
    int rate = options.latencyRate();
    int warmUp = rate * WARM_UP_SECONDS;
    int n = rate * options.seconds();
    ProbeRunner runner = new ProbeRunner();
    Map<String, Double> figures = new LinkedHashMap<>();
    try (BenchCluster cluster = new BenchCluster(dir, database.config(), options)) {
      cluster.startTaskTrackers(runner);
      JobClient client = cluster.startJobClient();
      submitAtRate(client, "warm-", warmUp, rate, false);
      Waits.until(() -> runner.totalRuns() >= warmUp, Scenario.timeout(options), "warm-up runs");
      runner.micros().reset();

      long start = System.nanoTime();
      List<String> taskIds = submitAtRate(client, "latency-", n, rate, true);
      long nanos = System.nanoTime() - start;
      Waits.until(() -> runner.totalRuns() >= warmUp + n, Scenario.timeout(options), n + " runs");

      Histogram h = runner.micros().copy();
      figures.put("p50 ms", h.getValueAtPercentile(50) / 1_000.0);
      figures.put("p99 ms", h.getValueAtPercentile(99) / 1_000.0);
      figures.put("p99.9 ms", h.getValueAtPercentile(99.9) / 1_000.0);
      figures.put("max ms", h.getMaxValue() / 1_000.0);
      figures.put("submitted/s", Scenario.perSecond(n, nanos));
      RunCheck check = runner.check(taskIds, n);
      return new RoundResult(
          figures,
          new RunCheck(
              n, check.exactlyOnce(), check.missing(), check.repeated(), h.getTotalCount()));
    }
  }

  private List<String> submitAtRate(
      JobClient client, String prefix, int count, int rate, boolean stamp) {
    return atRate(
        options,
        prefix,
        count,
        rate,
        taskId -> {
          Job job = Scenario.job(taskId);
          if (stamp) {
            job.setParam(ProbeRunner.SUBMIT_NANOS, Long.toString(System.nanoTime()));
          }
          Response response = client.submitJob(job);
          if (!response.isSuccess()) {
            throw new IllegalStateException("submit of " + taskId + " failed: " + response);
          }
        });
  }

  /** Submits one job through a peer or LTS; throws when the submit fails. */
  @FunctionalInterface
  interface Submit {
    void submit(String taskId) throws Exception;
  }

  /**
   * Submits {@code count} task ids {@code prefix + i}, the i-th at start + i / rate; a submit that
   * falls behind goes at once (so the rate catches up), and the whole loop is bounded by the round
   * timeout.
   */
  static List<String> atRate(
      BenchmarkOptions options, String prefix, int count, int rate, Submit submit) {
    List<String> taskIds = new ArrayList<>(count);
    long interval = 1_000_000_000L / rate;
    long start = System.nanoTime();
    long deadline = start + Scenario.timeout(options).toNanos();
    for (int i = 0; i < count; i++) {
      Waits.parkUntil(start + i * interval);
      if (System.nanoTime() - deadline > 0) {
        throw new Waits.BenchmarkTimeoutException(
            "submitting took longer than " + options.roundTimeoutSeconds() + " s");
      }
      String taskId = prefix + i;
      try {
        submit.submit(taskId);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("submit of " + taskId + " failed: " + e, e);
      }
      taskIds.add(taskId);
    }
    return taskIds;
  }
}
