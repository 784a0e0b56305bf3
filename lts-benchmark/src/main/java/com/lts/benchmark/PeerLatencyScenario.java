package com.lts.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * LTS's latency scenario done by a peer ({@code quartz-latency}, {@code db-scheduler-latency}): one
 * job due now submitted per call at {@code --latency-rate} for {@code --seconds}, after the same
 * warm-up, the instances taking turns at accepting the submits; submit→start latency on this JVM's
 * {@link System#nanoTime()} clock, as for LTS.
 */
final class PeerLatencyScenario implements Scenario {

  private final BenchmarkOptions options;
  private final String peer;

  PeerLatencyScenario(BenchmarkOptions options, String peer) {
    this.options = options;
    this.peer = peer;
  }

  @Override
  public String name() {
    return peer + "-latency";
  }

  @Override
  public String description() {
    return peer
        + " jobs due now submitted one per call at "
        + options.latencyRate()
        + "/s for "
        + options.seconds()
        + " s (after a "
        + LatencyScenario.WARM_UP_SECONDS
        + " s warm-up), 2 "
        + peer
        + " instances running";
  }

  @Override
  public Map<String, String> settings(BenchmarkOptions ignored, String store) {
    return Peer.settings(peer, options, store);
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) throws Exception {
    int rate = options.latencyRate();
    int warmUp = rate * LatencyScenario.WARM_UP_SECONDS;
    int n = rate * options.seconds();
    ProbeRunner probe = new ProbeRunner();
    Map<String, Double> figures = new LinkedHashMap<>();
    try (Peer scheduler = Peer.open(peer, database, options, probe)) {
      scheduler.start();
      LatencyScenario.atRate(options, "warm-", warmUp, rate, scheduler::submit);
      Waits.until(() -> probe.totalRuns() >= warmUp, Scenario.timeout(options), "warm-up runs");
      probe.micros().reset();

      long start = System.nanoTime();
      List<String> taskIds =
          LatencyScenario.atRate(
              options,
              "latency-",
              n,
              rate,
              taskId -> {
                probe.submitting(taskId);
                scheduler.submit(taskId);
              });
      long nanos = System.nanoTime() - start;
      Waits.until(() -> probe.totalRuns() >= warmUp + n, Scenario.timeout(options), n + " runs");

      Histogram h = probe.micros().copy();
      figures.put("p50 ms", h.getValueAtPercentile(50) / 1_000.0);
      figures.put("p99 ms", h.getValueAtPercentile(99) / 1_000.0);
      figures.put("p99.9 ms", h.getValueAtPercentile(99.9) / 1_000.0);
      figures.put("max ms", h.getMaxValue() / 1_000.0);
      figures.put("submitted/s", Scenario.perSecond(n, nanos));
      RunCheck check = probe.check(taskIds, n);
      return new RoundResult(
          figures,
          new RunCheck(
              n, check.exactlyOnce(), check.missing(), check.repeated(), h.getTotalCount()));
    }
  }
}
