package com.lts.example.using;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.RetryJobClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Submits one job to group shop_TaskTracker and waits for its result. */
public class ShopSubmitter {

  public static void main(String[] args) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    JobClient jobClient = new RetryJobClient(); // keeps what no JobTracker takes, sends it later
    jobClient.setRegistryAddress("zookeeper://127.0.0.1:2181");
    jobClient.setNodeGroup("shop_JobClient");
    jobClient.setDataPath("lts-data");
    jobClient.setJobCompletedHandler(
        results -> {
          for (JobResult result : results) {
            System.out.println(
                result.getJob().getTaskId() + ": " + result.getAction() + " " + result.getMsg());
            done.countDown();
          }
        });
    jobClient.start();

    Job job = new Job();
    job.setTaskId("sync-shop-11111");
    job.setTaskTrackerNodeGroup("shop_TaskTracker");
    job.setParam("shopId", "11111");
    job.setNeedFeedback(true); // deliver the result to the handler above
    Response response = jobClient.submitJob(job);
    System.out.println(response);

    boolean finished = response.isSuccess() && done.await(60, TimeUnit.SECONDS);
    System.out.println(finished ? "done" : "no result within 60 s");
    jobClient.stop();
  }
}
