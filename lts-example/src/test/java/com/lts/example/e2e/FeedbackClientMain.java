package com.lts.example.e2e;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JobClient process for {@link DeliveryTest}: {@code FeedbackClientMain registry taskTrackerGroup
 * count delayMillis resultsFile dataPath}. Submits {@code count} needFeedback jobs due {@code
 * delayMillis} from now, prints {@code SUBMITTED}, and appends {@code jobId taskId} to the results
 * file for every result its handler receives.
 */
public final class FeedbackClientMain {

  static final String GROUP = "feedback_client";

  private FeedbackClientMain() {}

  public static void main(String[] args) {
    String resultsFile = args[4];
    JobClient client = new JobClient();
    client.setRegistryAddress(args[0]);
    client.setNodeGroup(GROUP);
    client.setDataPath(args[5]);
    client.setJobCompletedHandler(results -> append(resultsFile, results));
    client.start();
    int count = Integer.parseInt(args[2]);
    long due = System.currentTimeMillis() + Long.parseLong(args[3]);
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Job job = new Job();
      job.setTaskId("fb-" + i);
      job.setTaskTrackerNodeGroup(args[1]);
      job.setNeedFeedback(true);
      job.setTriggerTime(due);
      job.setParam("payload", "x".repeat(1_000));
      jobs.add(job);
    }
    Response response = client.submitJob(jobs);
    if (!response.isSuccess()) {
      System.out.println("REFUSED " + response);
      System.exit(2);
    }
    System.out.println("SUBMITTED " + count);
  }

  private static synchronized void append(String file, List<JobResult> results) {
    StringBuilder lines = new StringBuilder();
    for (JobResult result : results) {
      lines.append(result.getJobId()).append(' ').append(result.getJob().getTaskId()).append('\n');
    }
    try (FileOutputStream out = new FileOutputStream(file, true)) {
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
      out.getFD().sync();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
