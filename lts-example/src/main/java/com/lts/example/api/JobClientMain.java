package com.lts.example.api;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The seed's JobClient snippet as a process: {@code JobClientMain [registryAddress] [nodeGroup]
 * [jobCount]}. Submits the jobs with feedback, waits for every result and exits with 0 when all
 * succeeded (1 otherwise, 2 when the submit was refused).
 */
public final class JobClientMain {

  private JobClientMain() {}

  public static void main(String[] args) throws InterruptedException {
    String registry = args.length > 0 ? args[0] : "zookeeper://127.0.0.1:2181";
    String group = args.length > 1 ? args[1] : "test_trade_TaskTracker";
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 10;

    Set<String> succeeded = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(count);
    JobClient jobClient = new JobClient();
    jobClient.setNodeGroup("test_jobClient");
    jobClient.setRegistryAddress(registry);
    jobClient.setJobCompletedHandler(
        results -> {
          for (JobResult result : results) {
            System.out.println("Completed " + result);
            if (result.isSuccess() && succeeded.add(result.getJob().getTaskId())) {
              done.countDown();
            }
          }
        });
    jobClient.start();

    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Job job = new Job();
      job.setTaskId("shop-" + i + "-" + System.currentTimeMillis());
      job.setParam("shopId", String.valueOf(11111 + i));
      job.setTaskTrackerNodeGroup(group);
      job.setNeedFeedback(true);
      jobs.add(job);
    }
    Response response = jobClient.submitJob(jobs);
    System.out.println("Submit: " + response);
    if (!response.isSuccess()) {
      jobClient.stop();
      System.exit(2);
    }
    boolean all = done.await(60, TimeUnit.SECONDS);
    System.out.println(
        all
            ? "All " + count + " jobs completed"
            : succeeded.size() + " of " + count + " completed");
    jobClient.stop();
    System.exit(all ? 0 : 1);
  }
}
