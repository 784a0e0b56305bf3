package com.lts.jobtracker.internal.feedback;

import com.lts.core.cluster.NodeType;
import com.lts.core.domain.JobResult;
import com.lts.core.store.FeedbackQueue;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobFeedbackRequest;
import com.lts.remoting.internal.command.JobFeedbackResponse;
import com.lts.remoting.internal.server.RemotingServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers final job results to a JobClient of the group that submitted them. A result no JobClient
 * took — none connected, the call failed, or the handler threw — waits in the feedback queue, from
 * which the master re-sends it.
 */
public final class FeedbackSender {

  private static final Logger log = LoggerFactory.getLogger(FeedbackSender.class);

  private final RemotingServer server;
  private final FeedbackQueue queue;

  public FeedbackSender(RemotingServer server, FeedbackQueue queue) {
    this.server = server;
    this.queue = queue;
  }

  /** Sends now; whatever is not delivered is queued. Never blocks on the JobClient. */
  public void send(String jobClientGroup, List<JobResult> results) {
    deliver(jobClientGroup, results)
        .thenAccept(
            undelivered -> {
              if (!undelivered.isEmpty()) {
                enqueue(jobClientGroup, undelivered);
              }
            });
  }

  /**
   * Tries one JobClient of the group.
   *
   * @return the results that were not handled
   */
  public CompletableFuture<List<JobResult>> deliver(
      String jobClientGroup, List<JobResult> results) {
    RemotingChannel channel = pick(jobClientGroup);
    if (channel == null) {
      return CompletableFuture.completedFuture(results);
    }
    return channel
        .invokeAsync(Command.JOB_FEEDBACK, new JobFeedbackRequest(results))
        .handle((response, failure) -> undelivered(jobClientGroup, results, response, failure));
  }

  private static List<JobResult> undelivered(
      String group, List<JobResult> results, JobFeedbackResponse response, Throwable failure) {
    if (failure != null) {
      log.info(
          "Feedback of {} results to group {} failed: {}",
          results.size(),
          group,
          failure.toString());
      return results;
    }
    List<String> failedTaskIds = response.getFailedTaskIds();
    if (failedTaskIds == null || failedTaskIds.isEmpty()) {
      return List.of();
    }
    Set<String> failed = new HashSet<>(failedTaskIds);
    List<JobResult> again = new ArrayList<>();
    for (JobResult result : results) {
      if (failed.contains(result.getJob().getTaskId())) {
        again.add(result);
      }
    }
    return again;
  }

  private RemotingChannel pick(String group) {
    List<RemotingChannel> candidates =
        server.channels().stream()
            .filter(
                c ->
                    c.isActive()
                        && c.peer() != null
                        && c.peer().nodeType() == NodeType.JOB_CLIENT
                        && group.equals(c.peer().nodeGroup()))
            .toList();
    return candidates.isEmpty()
        ? null
        : candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
  }

  private void enqueue(String group, List<JobResult> results) {
    try {
      queue.add(group, results);
    } catch (RuntimeException e) {
      log.error(
          "{} results for JobClient group {} could not be queued for feedback and are lost: {}",
          results.size(),
          group,
          e.toString(),
          e);
    }
  }
}
