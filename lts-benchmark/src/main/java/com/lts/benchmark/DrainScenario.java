package com.lts.benchmark;

import com.lts.core.domain.Job;
import com.lts.core.store.Store;
import com.lts.core.store.SubmitResult;
import com.lts.core.store.SubmitStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * N due no-op jobs are stored before any TaskTracker runs; then {@code --instances} TaskTrackers
 * drain them. Throughput is N over the time from the first run's start until the store holds none
 * of them as executable or executing: claim, push, run, report and complete, end to end.
 */
final class DrainScenario implements Scenario {

  static final int INSERT_BATCH = 1_000;

  private final BenchmarkOptions options;

  DrainScenario(BenchmarkOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "drain";
  }

  @Override
  public String description() {
    return options.jobs()
        + " due no-op jobs stored first (store submit, batches of "
        + INSERT_BATCH
        + "), then drained by "
        + options.instances()
        + " TaskTracker(s) x "
        + options.workThreads()
        + " threads";
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) {
    int n = options.jobs();
    List<String> taskIds = new ArrayList<>(n);
    Map<String, Double> figures = new LinkedHashMap<>();
    try (Store store = Store.open(database.config(), dir.resolve("bench"), Clock.systemUTC())) {
      long insertNanos =
          insert(
              store,
              n,
              i -> {
                String taskId = "drain-" + i;
                taskIds.add(taskId);
                return Scenario.job(taskId);
              },
              Scenario.timeout(options),
              stored -> {});

      ProbeRunner runner = new ProbeRunner();
      runner.timeTenths(n);
      CpuMeter cpu = CpuMeter.forStore(database.store());
      try (BenchCluster cluster = new BenchCluster(dir, database.config(), options)) {
        CpuMeter.Reading before = cpu.read();
        cluster.startTaskTrackers(runner);
        Waits.until(() -> runner.totalRuns() >= n, Scenario.timeout(options), n + " runs");
        Waits.until(
            () -> Scenario.unfinished(store) == 0,
            Scenario.timeout(options),
            "the store to hold no executable or executing job");
        long end = System.nanoTime();
        figures.put("end-to-end jobs/s", Scenario.perSecond(n, end - runner.firstStartNanos()));
        before.perJob(cpu.read(), n, figures);
        runner.tenthFigures(figures);
        figures.put("pre-insert jobs/s", Scenario.perSecond(n, insertNanos));
        return new RoundResult(figures, runner.check(taskIds, n));
      }
    }
  }

  /**
   * Stores {@code count} jobs through the store API ({@code Store.jobs().submit}) in batches of
   * {@value #INSERT_BATCH}, exactly the rows LTS itself stores; every job must be added.
   *
   * @param jobAt the i-th job, for i from 0 to count - 1, asked for in that order
   * @param progress told the number of jobs stored so far after each batch
   * @return how long it took, in nanoseconds
   * @throws Waits.BenchmarkTimeoutException when it takes longer than {@code timeout}
   */
  static long insert(
      Store store, int count, IntFunction<Job> jobAt, Duration timeout, IntConsumer progress) {
    long start = System.nanoTime();
    for (int from = 0; from < count; from += INSERT_BATCH) {
      if (System.nanoTime() - start > timeout.toNanos()) {
        throw new Waits.BenchmarkTimeoutException(
            "gave up after " + timeout.toSeconds() + " s storing " + count + " jobs");
      }
      int to = Math.min(count, from + INSERT_BATCH);
      List<Job> batch = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        batch.add(jobAt.apply(i));
      }
      for (SubmitResult result : store.jobs().submit(batch)) {
        if (result.status() != SubmitStatus.ADDED) {
          throw new IllegalStateException("the store refused a job: " + result);
        }
      }
      progress.accept(to);
    }
    return System.nanoTime() - start;
  }
}
