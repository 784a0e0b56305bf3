package com.lts.example.e2e;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.RetryJobClient;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaos test's RetryJobClient process: {@code ChaosClientMain registry group count dataPath
 * feedbackFile}. Submits {@code count} jobs with {@code needFeedback} in batches of 100, each
 * sleeping 50–250 ms, prints {@code SUBMITTED} and stays up so its FailStore can drain. Every
 * result its handler takes is appended to the feedback file as {@code FEEDBACK taskId jobId
 * action}, written straight to the OS.
 */
public final class ChaosClientMain {

  private ChaosClientMain() {}

  public static void main(String[] args) throws InterruptedException {
    String feedbackFile = args[4];
    JobClient client = new RetryJobClient();
    client.setRegistryAddress(args[0]);
    client.setNodeGroup("chaos_client");
    client.setDataPath(args[3]);
    client.setJobCompletedHandler(results -> record(feedbackFile, results));
    client.start();
    String group = args[1];
    int count = Integer.parseInt(args[2]);
    for (int from = 0; from < count; from += 100) {
      List<Job> jobs = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 100); i++) {
        Job job = new Job();
        job.setTaskId("chaos-" + i);
        job.setTaskTrackerNodeGroup(group);
        job.setNeedFeedback(true);
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

  private static synchronized void record(String feedbackFile, List<JobResult> results) {
    StringBuilder lines = new StringBuilder();
    for (JobResult result : results) {
      lines
          .append("FEEDBACK ")
          .append(result.getJob().getTaskId())
          .append(' ')
          .append(result.getJobId())
          .append(' ')
          .append(result.getAction())
          .append('\n');
    }
    try (FileOutputStream out = new FileOutputStream(feedbackFile, true)) {
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not acknowledged: the JobTracker sends them again
    }
  }
}
