package com.lts.benchmark;

import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The no-op runner of every scenario. It counts runs per task id and records, in microseconds, how
 * long after its submit ({@value #SUBMIT_NANOS} parameter, {@link System#nanoTime()}) or after its
 * trigger time ({@link System#currentTimeMillis()} clock) each run started. The peers' no-op jobs
 * (Quartz, db-scheduler) report to it through {@link #submitting} and {@link #ran}.
 */
final class ProbeRunner implements JobRunner {

  /** Job parameter: {@link System#nanoTime()} just before the job was submitted. */
  static final String SUBMIT_NANOS = "submitNanos";

  /** Job parameter present on jobs whose lateness behind their trigger time is recorded. */
  static final String TIMED = "timed";

  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final AtomicLong totalRuns = new AtomicLong();
  private final AtomicLong firstStartNanos = new AtomicLong(Long.MAX_VALUE);
  private final AtomicLong earlyStarts = new AtomicLong();
  private final Histogram micros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
  private final Map<String, Long> submitNanos = new ConcurrentHashMap<>();
  private volatile long runsPerTenth;
  private final AtomicLongArray tenthEndNanos = new AtomicLongArray(TENTHS);

  private static final int TENTHS = 10;

  @Override
  public Result run(JobContext context) {
    long nanos = System.nanoTime();
    long millis = System.currentTimeMillis();
    firstStartNanos.accumulateAndGet(nanos, Math::min);
    String submitNanos = context.getJob().getParam(SUBMIT_NANOS);
    if (submitNanos != null) {
      record((nanos - Long.parseLong(submitNanos)) / 1_000);
    } else if (context.getJob().getParam(TIMED) != null) {
      long lateMillis = millis - context.getJobExtInfo().getTriggerTime();
      if (lateMillis < 0) {
        earlyStarts.incrementAndGet();
      }
      record(Math.max(0, lateMillis) * 1_000);
    }
    count(context.getJob().getTaskId());
    return null;
  }

  /**
   * A peer is about to submit {@code taskId}: its run's latency is measured from now. Called just
   * before the submit call, as the LTS latency scenario stamps its jobs.
   */
  void submitting(String taskId) {
    submitNanos.put(taskId, System.nanoTime());
  }

  /** A peer's no-op job of {@code taskId} starts now. */
  void ran(String taskId) {
    long nanos = System.nanoTime();
    firstStartNanos.accumulateAndGet(nanos, Math::min);
    Long submitted = submitNanos.remove(taskId);
    if (submitted != null) {
      record((nanos - submitted) / 1_000);
    }
    count(taskId);
  }

  private void count(String taskId) {
    runs.computeIfAbsent(taskId, t -> new AtomicInteger()).incrementAndGet();
    long total = totalRuns.incrementAndGet();
    long perTenth = runsPerTenth;
    if (perTenth > 0 && total % perTenth == 0 && total / perTenth <= TENTHS) {
      tenthEndNanos.set((int) (total / perTenth) - 1, System.nanoTime());
    }
  }

  /**
   * Records when each tenth of a drain of {@code expectedRuns} ended, for {@link #tenthFigures}.
   * Call before the first run.
   */
  void timeTenths(int expectedRuns) {
    runsPerTenth = expectedRuns >= TENTHS ? expectedRuns / TENTHS : 0;
  }

  /**
   * Whether the drain kept its pace: the slowest tenth's rate (runs per second between the end of
   * the previous tenth, or the first start, and the end of its own) and its ratio to the median
   * tenth's. Nothing when the tenths were not timed or the drain did not finish.
   */
  void tenthFigures(Map<String, Double> figures) {
    if (runsPerTenth == 0 || tenthEndNanos.get(TENTHS - 1) == 0) {
      return;
    }
    double[] rates = new double[TENTHS];
    long from = firstStartNanos();
    for (int i = 0; i < TENTHS; i++) {
      long to = tenthEndNanos.get(i);
      rates[i] = runsPerTenth * 1e9 / Math.max(1, to - from);
      from = to;
    }
    double[] sorted = rates.clone();
    Arrays.sort(sorted);
    double median = (sorted[TENTHS / 2 - 1] + sorted[TENTHS / 2]) / 2;
    int slowest = 0;
    for (int i = 1; i < TENTHS; i++) {
      slowest = rates[i] < rates[slowest] ? i : slowest;
    }
    figures.put("slowest tenth jobs/s", sorted[0]);
    figures.put("slowest tenth / median tenth", sorted[0] / median);
    // Which tenth: the first one includes the TaskTrackers' first pulls and connections.
    figures.put("slowest tenth (1-10)", slowest + 1.0);
    figures.put("first tenth / median tenth", rates[0] / median);
  }

  private void record(long valueMicros) {
    micros.recordValue(Math.min(Math.max(0, valueMicros), HIGHEST_MICROS));
  }

  long totalRuns() {
    return totalRuns.get();
  }

  /** {@link System#nanoTime()} of the first run's start, or {@link Long#MAX_VALUE} before it. */
  long firstStartNanos() {
    return firstStartNanos.get();
  }

  /** Runs that started before their trigger time (recorded as 0 lateness). */
  long earlyStarts() {
    return earlyStarts.get();
  }

  Histogram micros() {
    return micros;
  }

  /** How the runs of the given task ids went: each should have run exactly once. */
  RunCheck check(Iterable<String> taskIds, int expected) {
    return RunCheck.of(taskIds, runs, expected, totalRuns.get());
  }
}
