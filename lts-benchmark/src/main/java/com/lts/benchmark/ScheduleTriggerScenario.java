package com.lts.benchmark;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.domain.Result;
import com.lts.jobclient.JobClient;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Trigger precision of schedules: as many schedules as the trigger rate, each firing once a second
 * for the scenario's seconds, so the JobTracker makes, triggers and runs that many instances per
 * second. {@code repeat}: repeat jobs ({@code repeatInterval} 1 s, {@code repeatCount} = seconds)
 * whose first runs are spread evenly over a second, i.e. a steady stream. {@code cron}: cron jobs
 * {@code * * * * * ?}, so every second all of them are due at the same instant — a burst. Lateness
 * is the run's start minus the instance's trigger time ({@link System#currentTimeMillis()}); every
 * instant in the measured window must run exactly once.
 */
final class ScheduleTriggerScenario implements Scenario {

  static final long LEAD_MILLIS = 3_000;
  static final long GRACE_MILLIS = 30_000;

  private final BenchmarkOptions options;
  private final boolean cron;

  ScheduleTriggerScenario(BenchmarkOptions options, boolean cron) {
    this.options = options;
    this.cron = cron;
  }

  @Override
  public String name() {
    return cron ? "cron" : "repeat";
  }

  @Override
  public String description() {
    return options.triggerRate()
        + (cron
            ? " cron schedules '* * * * * ?' (all due at each whole second)"
            : " repeat schedules, 1 s apart, first runs spread over a second")
        + ", measured for "
        + options.seconds()
        + " s, "
        + options.instances()
        + " TaskTracker(s) running";
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) {
    int schedules = options.triggerRate();
    int seconds = options.seconds();
    // The measured window: whole seconds for cron, so each schedule has one instant per second.
    long windowStart = ((System.currentTimeMillis() + LEAD_MILLIS) / 1_000 + 1) * 1_000;
    long windowEnd = windowStart + seconds * 1_000L;
    InstantRunner runner = new InstantRunner(windowStart, windowEnd);
    try (BenchCluster cluster = new BenchCluster(dir, database.config(), options)) {
      cluster.startTaskTrackers(runner);
      JobClient client = cluster.startJobClient();
      List<Job> jobs = new ArrayList<>(schedules);
      List<String> expected = new ArrayList<>(schedules * seconds);
      for (int i = 0; i < schedules; i++) {
        String taskId = name() + "-" + i;
        Job job = Scenario.job(taskId);
        if (cron) {
          job.setCronExpression("* * * * * ?");
          for (int s = 0; s < seconds; s++) {
            expected.add(InstantRunner.key(taskId, windowStart + s * 1_000L));
          }
        } else {
          long first = windowStart + i * 1_000L / schedules;
          job.setTriggerTime(first);
          job.setRepeatInterval(1_000L);
          job.setRepeatCount(seconds);
          for (int s = 0; s < seconds; s++) {
            expected.add(InstantRunner.key(taskId, first + s * 1_000L));
          }
        }
        jobs.add(job);
      }
      Response response = client.submitJob(jobs);
      if (!response.isSuccess()) {
        throw new IllegalStateException("submit of the schedules failed: " + response);
      }
      if (System.currentTimeMillis() >= windowStart) {
        throw new IllegalStateException(
            "submitting took longer than the " + LEAD_MILLIS + " ms lead; lower --trigger-rate");
      }
      int n = expected.size();
      // An instant that is never run shows up as missing in the check, not as a long wait.
      Waits.until(
          () -> runner.inWindow() >= n || System.currentTimeMillis() > windowEnd + GRACE_MILLIS,
          Scenario.timeout(options).plus(Duration.ofMillis(windowEnd - System.currentTimeMillis())),
          n + " runs of instants in the window");
      Histogram h = runner.micros.copy();
      Map<String, Double> figures = new LinkedHashMap<>();
      figures.put("p50 ms", h.getValueAtPercentile(50) / 1_000.0);
      figures.put("p99 ms", h.getValueAtPercentile(99) / 1_000.0);
      figures.put("max ms", h.getMaxValue() / 1_000.0);
      figures.put("early starts", (double) runner.earlyStarts.get());
      return new RoundResult(figures, runner.check(expected));
    }
  }

  /** Counts runs per (task id, trigger time) and records the lateness of those in the window. */
  static final class InstantRunner implements JobRunner {

    private final long windowStart;
    private final long windowEnd;
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final AtomicLong inWindow = new AtomicLong();
    private final AtomicLong earlyStarts = new AtomicLong();
    private final Histogram micros = new ConcurrentHistogram(TimeUnit.HOURS.toMicros(1), 3);

    InstantRunner(long windowStart, long windowEnd) {
      this.windowStart = windowStart;
      this.windowEnd = windowEnd;
    }

    static String key(String taskId, long triggerTime) {
      return taskId + "@" + triggerTime;
    }

    @Override
    public Result run(JobContext context) {
      long now = System.currentTimeMillis();
      long triggerTime = context.getJobExtInfo().getTriggerTime();
      if (triggerTime < windowStart || triggerTime >= windowEnd) {
        return null; // before or after the measured window
      }
      long late = now - triggerTime;
      if (late < 0) {
        earlyStarts.incrementAndGet();
      }
      micros.recordValue(Math.min(Math.max(0, late) * 1_000, micros.getHighestTrackableValue()));
      runs.computeIfAbsent(key(context.getJob().getTaskId(), triggerTime), k -> new AtomicInteger())
          .incrementAndGet();
      inWindow.incrementAndGet();
      return null;
    }

    long inWindow() {
      return inWindow.get();
    }

    RunCheck check(List<String> expected) {
      return RunCheck.of(expected, runs, expected.size(), inWindow.get());
    }
  }
}
