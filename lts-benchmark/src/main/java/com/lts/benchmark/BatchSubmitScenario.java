package com.lts.benchmark;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.store.Store;
import com.lts.jobclient.JobClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code JobClient.submitJob(List)} call of N jobs (the JobClient sends them in its own
 * batches) to the JobTracker, with no TaskTracker running: jobs stored per second.
 */
final class BatchSubmitScenario implements Scenario {

  private final BenchmarkOptions options;

  BatchSubmitScenario(BenchmarkOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return "batch-submit";
  }

  @Override
  public String description() {
    return "JobClient.submitJob(List) of " + options.jobs() + " jobs, no TaskTracker running";
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) {
    int n = options.jobs();
    List<Job> jobs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      jobs.add(Scenario.job("batch-" + i));
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    try (BenchCluster cluster = new BenchCluster(dir, database.config(), options)) {
      JobClient client = cluster.startJobClient();
      long start = System.nanoTime();
      Response response = client.submitJob(jobs);
      long nanos = System.nanoTime() - start;
      if (!response.isSuccess()) {
        throw new IllegalStateException("batch submit failed: " + response);
      }
      figures.put("submit jobs/s", Scenario.perSecond(n, nanos));
    }
    try (Store store = Store.open(database.config(), dir.resolve("bench"), Clock.systemUTC())) {
      long stored = Scenario.unfinished(store);
      int once = (int) Math.min(stored, n);
      return new RoundResult(
          figures, new RunCheck(n, once, (int) Math.max(0, n - stored), 0, stored));
    }
  }
}
