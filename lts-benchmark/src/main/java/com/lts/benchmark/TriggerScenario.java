package com.lts.benchmark;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Delayed jobs, each with its own trigger time, spread at a fixed rate over a few seconds that
 * begin {@value #LEAD_MILLIS} ms after they are submitted (in one batch); lateness is the runner's
 * start minus the job's trigger time, on {@link System#currentTimeMillis()} (millisecond
 * resolution).
 */
final class TriggerScenario implements Scenario {

  static final long LEAD_MILLIS = 3_000;

  private final BenchmarkOptions options;

  TriggerScenario(BenchmarkOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "trigger";
  }

  @Override
  public String description() {
    return "delayed jobs due at "
        + options.triggerRate()
        + "/s for "
        + options.seconds()
        + " s, submitted "
        + LEAD_MILLIS
        + " ms ahead in one batch, "
        + options.instances()
        + " TaskTracker(s) running";
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) {
    int rate = options.triggerRate();
    int n = rate * options.seconds();
    ProbeRunner runner = new ProbeRunner();
    Map<String, Double> figures = new LinkedHashMap<>();
    try (BenchCluster cluster = new BenchCluster(dir, database.config(), options)) {
      cluster.startTaskTrackers(runner);
      JobClient client = cluster.startJobClient();
      long base = System.currentTimeMillis() + LEAD_MILLIS;
      List<Job> jobs = new ArrayList<>(n);
      List<String> taskIds = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String taskId = "trigger-" + i;
        Job job = Scenario.job(taskId);
        job.setTriggerTime(base + i * 1_000L / rate);
        job.setParam(ProbeRunner.TIMED, "1");
        jobs.add(job);
        taskIds.add(taskId);
      }
      Response response = client.submitJob(jobs);
      if (!response.isSuccess()) {
        throw new IllegalStateException("submit of the delayed jobs failed: " + response);
      }
      if (System.currentTimeMillis() >= base) {
        throw new IllegalStateException(
            "submitting took longer than the " + LEAD_MILLIS + " ms lead; lower --trigger-rate");
      }
      Waits.until(
          () -> runner.totalRuns() >= n,
          Scenario.timeout(options).plus(Duration.ofMillis(LEAD_MILLIS + n * 1_000L / rate)),
          n + " runs");

      Histogram h = runner.micros().copy();
      figures.put("p50 ms", h.getValueAtPercentile(50) / 1_000.0);
      figures.put("p99 ms", h.getValueAtPercentile(99) / 1_000.0);
      figures.put("max ms", h.getMaxValue() / 1_000.0);
      figures.put("early starts", (double) runner.earlyStarts());
      return new RoundResult(figures, runner.check(taskIds, n));
    }
  }
}
