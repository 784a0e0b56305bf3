package com.lts.example.demo;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.core.domain.Result;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local demo: a whole cluster in one process — an embedded ZooKeeper, a JobTracker with the
 * embedded H2 store, a TaskTracker and a JobClient — that runs a few jobs of each outcome, prints
 * their results as the JobClient receives them, and stops.
 *
 * <pre>java -jar lts-example/target/lts-demo.jar [dataDir]</pre>
 */
public final class LocalDemo {

  private LocalDemo() {}

  /** Does what each demo job's {@code outcome} parameter says. */
  public static class DemoRunner implements JobRunner {
    @Override
    public Result run(JobContext context) {
      Job job = context.getJob();
      context
          .getBizLogger()
          .info(
              "running "
                  + job.getTaskId()
                  + " (attempt "
                  + context.getJobExtInfo().getAttempt()
                  + ")");
      return switch (job.getParam("outcome")) {
        case "fail" -> new Result(Action.EXECUTE_FAILED, "the shop does not exist");
        case "later" -> new Result(Action.EXECUTE_LATER, "the shop is busy, try later");
        case "throw" -> throw new IllegalStateException("the shop is closed");
        default -> new Result(Action.EXECUTE_SUCCESS, "shop " + job.getParam("shopId") + " done");
      };
    }
  }

  public static void main(String[] args) throws Exception {
    Path data = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("lts-demo");
    EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(data.resolve("zookeeper"), 0);
    String registry = zooKeeper.address();
    System.out.println("== Embedded ZooKeeper at " + registry + ", data in " + data);

    JobTracker jobTracker = new JobTracker();
    jobTracker.setRegistryAddress(registry);
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(data.toString());
    jobTracker.addConfig("jobtracker.job.retry.interval.millis", "500");
    jobTracker.start();

    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setJobRunnerClass(DemoRunner.class);
    taskTracker.setRegistryAddress(registry);
    taskTracker.setNodeGroup("demo_TaskTracker");
    taskTracker.setWorkThreads(4);
    taskTracker.setDataPath(data.toString());
    taskTracker.start();

    List<Job> jobs = demoJobs();
    CountDownLatch done = new CountDownLatch(jobs.size());
    JobClient jobClient = new JobClient();
    jobClient.setRegistryAddress(registry);
    jobClient.setNodeGroup("demo_JobClient");
    jobClient.setJobCompletedHandler(
        results -> {
          for (JobResult result : results) {
            System.out.printf(
                "== %-12s %-18s %s%n",
                result.getJob().getTaskId(), result.getAction(), firstLine(result.getMsg()));
            done.countDown();
          }
        });
    jobClient.start();

    Response response = jobClient.submitJob(jobs);
    System.out.println("== Submitted " + jobs.size() + " jobs: " + response);
    boolean all = done.await(60, TimeUnit.SECONDS);
    System.out.println(all ? "== All jobs finished." : "== Timed out waiting for results.");

    jobClient.stop();
    taskTracker.stop();
    jobTracker.stop();
    zooKeeper.close();
    System.exit(all ? 0 : 1);
  }

  private static List<Job> demoJobs() {
    List<Job> jobs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      jobs.add(job("shop-" + i, "success"));
    }
    Job delayed = job("delayed", "success");
    delayed.setTriggerTime(System.currentTimeMillis() + 2_000);
    jobs.add(delayed);
    jobs.add(job("fails", "fail"));
    Job later = job("retried", "later");
    later.setMaxRetryTimes(2);
    jobs.add(later);
    Job throwing = job("throws", "throw");
    throwing.setMaxRetryTimes(1);
    jobs.add(throwing);
    return jobs;
  }

  private static Job job(String taskId, String outcome) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup("demo_TaskTracker");
    job.setParam("shopId", taskId);
    job.setParam("outcome", outcome);
    job.setNeedFeedback(true);
    return job;
  }

  private static String firstLine(String msg) {
    if (msg == null) {
      return "";
    }
    int newline = msg.indexOf('\n');
    return newline < 0 ? msg : msg.substring(0, newline);
  }
}
