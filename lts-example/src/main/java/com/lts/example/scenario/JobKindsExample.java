package com.lts.example.scenario;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import com.lts.tasktracker.TaskTracker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each kind of job once: real-time (runs at once), delayed (at a time), cron (every second, stopped
 * after three runs) and repeat (three runs half a second apart). Run a JobTracker first, then
 * {@code JobKindsExample [registryAddress] [dataPath]}.
 */
public final class JobKindsExample {

  private JobKindsExample() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Nodes.registry(args), Nodes.data(args)) ? 0 : 1);
  }

  /** Returns whether every kind ran as it should within half a minute. */
  public static boolean run(String registry, Path data) throws InterruptedException {
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    TaskTracker worker =
        Nodes.taskTracker(
            registry,
            data,
            "kinds_TaskTracker",
            context -> {
              String taskId = context.getJob().getTaskId();
              int n = runs.computeIfAbsent(taskId, t -> new AtomicInteger()).incrementAndGet();
              System.out.printf("run %d of %s at %tT%n", n, taskId, System.currentTimeMillis());
              return null;
            });
    JobClient client = Nodes.jobClient(new JobClient(), registry, data, null);
    try {
      Job now = job("real-time");
      Job later = job("delayed");
      later.setTriggerTime(System.currentTimeMillis() + 2_000);
      Job everySecond = job("cron");
      everySecond.setCronExpression("0/1 * * * * ?");
      Job threeTimes = job("repeat");
      threeTimes.setRepeatCount(3);
      threeTimes.setRepeatInterval(500L);
      Response response = client.submitJob(List.of(now, later, everySecond, threeTimes));
      System.out.println("submitted: " + response);

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline
          && !(count(runs, "real-time") >= 1
              && count(runs, "delayed") >= 1
              && count(runs, "cron") >= 3
              && count(runs, "repeat") >= 3)) {
        TimeUnit.MILLISECONDS.sleep(100);
      }
      // A cron job runs until cancelled; a repeat job ends by itself after its count.
      System.out.println("cancel cron: " + client.cancelJob("cron", "kinds_TaskTracker"));
      System.out.println("runs: " + runs);
      return count(runs, "real-time") == 1
          && count(runs, "delayed") == 1
          && count(runs, "cron") >= 3
          && count(runs, "repeat") == 3;
    } finally {
      client.stop();
      worker.stop();
    }
  }

  private static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup("kinds_TaskTracker");
    return job;
  }

  private static int count(Map<String, AtomicInteger> runs, String taskId) {
    AtomicInteger n = runs.get(taskId);
    return n == null ? 0 : n.get();
  }
}
