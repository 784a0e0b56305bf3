package com.lts.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LTS's drain done by a peer ({@code quartz-drain}, {@code db-scheduler-drain}): {@code
 * --peer-jobs} due no-op jobs stored through the peer's API before its instances start; throughput
 * is N over the time from the first run's start until every job ran and the peer's tables hold none
 * of them.
 */
final class PeerDrainScenario implements Scenario {

  private final BenchmarkOptions options;
  private final String peer;

  PeerDrainScenario(BenchmarkOptions options, String peer) {
    this.options = options;
    this.peer = peer;
  }

  @Override
  public String name() {
    return peer + "-drain";
  }

  @Override
  public String description() {
    return options.peerJobs()
        + " due no-op "
        + peer
        + " jobs stored first (batches of "
        + DrainScenario.INSERT_BATCH
        + "), then drained by "
        + options.instances()
        + " "
        + peer
        + " instance(s) x "
        + options.workThreads()
        + " threads";
  }

  @Override
  public Map<String, String> settings(BenchmarkOptions ignored, String store) {
    return Peer.settings(peer, options, store);
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) throws Exception {
    int n = options.peerJobs();
    List<String> taskIds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      taskIds.add("drain-" + i);
    }
    ProbeRunner probe = new ProbeRunner();
    probe.timeTenths(n);
    Map<String, Double> figures = new LinkedHashMap<>();
    try (Peer scheduler = Peer.open(peer, database, options, probe)) {
      long insertStart = System.nanoTime();
      scheduler.store(taskIds);
      long insertNanos = System.nanoTime() - insertStart;

      CpuMeter cpu = CpuMeter.forStore(database.store());
      CpuMeter.Reading before = cpu.read();
      scheduler.start();
      Waits.until(() -> probe.totalRuns() >= n, Scenario.timeout(options), n + " runs");
      Waits.until(
          () -> scheduler.remaining() == 0,
          Scenario.timeout(options),
          peer + "'s tables to hold none of the jobs");
      long end = System.nanoTime();
      figures.put("end-to-end jobs/s", Scenario.perSecond(n, end - probe.firstStartNanos()));
      before.perJob(cpu.read(), n, figures);
      probe.tenthFigures(figures);
      figures.put("pre-insert jobs/s", Scenario.perSecond(n, insertNanos));
      return new RoundResult(figures, probe.check(taskIds, n));
    }
  }
}
