package com.lts.example.scenario;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Result;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.RetryJobClient;
import com.lts.tasktracker.TaskTracker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RetryJobClient} (a submit that cannot reach a JobTracker is kept on disk and sent again)
 * submitting jobs that ask for feedback: one succeeds, one fails, one asks to be run again later
 * twice and then succeeds (retried with back-off). The {@code JobCompletedHandler} receives each
 * final result once. {@code FeedbackAndRetryExample [registryAddress] [dataPath]}.
 */
public final class FeedbackAndRetryExample {

  private FeedbackAndRetryExample() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Nodes.registry(args), Nodes.data(args)) ? 0 : 1);
  }

  public static boolean run(String registry, Path data) throws InterruptedException {
    Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    TaskTracker worker =
        Nodes.taskTracker(
            registry,
            data,
            "feedback_TaskTracker",
            context -> {
              String taskId = context.getJob().getTaskId();
              int n = attempts.computeIfAbsent(taskId, t -> new AtomicInteger()).incrementAndGet();
              return switch (taskId) {
                case "pays" -> Result.success();
                case "no-such-shop" -> new Result(Action.EXECUTE_FAILED, "shop 42 does not exist");
                default ->
                    n < 3
                        ? new Result(Action.EXECUTE_LATER, "shop busy, try " + n)
                        : new Result(Action.EXECUTE_SUCCESS, "done on try " + n);
              };
            });
    Map<String, JobResult> results = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(3);
    JobClient client =
        Nodes.jobClient(
            new RetryJobClient(),
            registry,
            data,
            finished -> {
              for (JobResult result : finished) {
                System.out.println("feedback: " + result);
                if (results.put(result.getJob().getTaskId(), result) == null) {
                  all.countDown();
                }
              }
            });
    try {
      Job busy = job("busy");
      busy.setMaxRetryTimes(3);
      System.out.println(
          "submitted: " + client.submitJob(List.of(job("pays"), job("no-such-shop"), busy)));
      boolean done = all.await(60, TimeUnit.SECONDS);
      return done
          && results.get("pays").isSuccess()
          && results.get("no-such-shop").getAction() == Action.EXECUTE_FAILED
          && results.get("busy").isSuccess()
          && attempts.get("busy").get() == 3;
    } finally {
      client.stop();
      worker.stop();
    }
  }

  private static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup("feedback_TaskTracker");
    job.setNeedFeedback(true);
    return job;
  }
}
