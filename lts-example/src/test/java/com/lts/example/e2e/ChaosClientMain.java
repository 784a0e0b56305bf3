package com.lts.example.e2e;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.RetryJobClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaos test's RetryJobClient process: {@code ChaosClientMain registry group count dataPath}.
 * Submits {@code count} jobs in batches of 100, each sleeping 50–250 ms, prints {@code SUBMITTED}
 * and stays up so its FailStore can drain.
 */
public final class ChaosClientMain {

  private ChaosClientMain() {}

  public static void main(String[] args) throws InterruptedException {
    JobClient client = new RetryJobClient();
    client.setRegistryAddress(args[0]);
    client.setNodeGroup("chaos_client");
    client.setDataPath(args[3]);
    client.start();
    String group = args[1];
    int count = Integer.parseInt(args[2]);
    for (int from = 0; from < count; from += 100) {
      List<Job> jobs = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 100); i++) {
        Job job = new Job();
        job.setTaskId("chaos-" + i);
        job.setTaskTrackerNodeGroup(group);
        job.setParam("sleep", String.valueOf(50 + (i * 37) % 200));
        jobs.add(job);
      }
      Response response = client.submitJob(jobs);
      if (!response.isSuccess()) {
        System.out.println("REFUSED " + response);
        System.exit(2);
      }
      Thread.sleep(100);
    }
    System.out.println("SUBMITTED " + count);
  }
}
