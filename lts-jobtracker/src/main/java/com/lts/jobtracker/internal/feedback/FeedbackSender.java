package com.lts.jobtracker.internal.feedback;

import com.lts.core.cluster.NodeType;
import com.lts.core.domain.JobResult;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.store.FeedbackQueue;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobFeedbackRequest;
import com.lts.remoting.internal.command.JobFeedbackResponse;
import com.lts.remoting.internal.server.RemotingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers final job results, which the completion stored in the feedback queue (the outbox), to a
 * JobClient of the group that submitted them, and deletes each from the queue once a JobClient
 * acknowledged it (its handler returned normally). A result no JobClient took — none connected, the
 * call failed or timed out, or the handler threw — stays in the queue, from which the master
 * re-sends it.
 */
public final class FeedbackSender {

  private static final Logger log = LoggerFactory.getLogger(FeedbackSender.class);

  /** How long a JobClient's handler may take with one delivery before it counts as failed. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

  private final RemotingServer server;
  private final FeedbackQueue queue;
  private final NodeMetrics metrics;

  public FeedbackSender(RemotingServer server, FeedbackQueue queue) {
    this(server, queue, NodeMetrics.detached());
  }

  public FeedbackSender(RemotingServer server, FeedbackQueue queue, NodeMetrics metrics) {
    this.server = server;
    this.queue = queue;
    this.metrics = metrics;
  }

  /**
   * Sends results that are in the queue already (written with their jobs' completion) and deletes
   * the acknowledged ones from it. Never blocks on the JobClient.
   */
  public void send(String jobClientGroup, List<JobResult> results) {
    deliver(jobClientGroup, results)
        .thenAccept(
            undelivered -> {
              Set<JobResult> kept = Collections.newSetFromMap(new IdentityHashMap<>());
              kept.addAll(undelivered);
              List<String> acknowledged = new ArrayList<>();
              for (JobResult result : results) {
                if (!kept.contains(result) && result.getJobId() != null) {
                  acknowledged.add(result.getJobId());
                }
              }
              acknowledge(jobClientGroup, acknowledged);
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
        .invokeAsync(Command.JOB_FEEDBACK, new JobFeedbackRequest(results), CALL_TIMEOUT)
        .handle((response, failure) -> undelivered(jobClientGroup, results, response, failure))
        .thenApply(
            undelivered -> {
              metrics.count(MetricNames.FEEDBACK_SENT, results.size() - undelivered.size());
              return undelivered;
            });
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
    List<String> failedTaskIds = response == null ? null : response.getFailedTaskIds();
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

  private void acknowledge(String group, List<String> jobIds) {
    if (jobIds.isEmpty()) {
      return;
    }
    try {
      queue.acknowledge(group, jobIds);
    } catch (RuntimeException e) {
      log.warn(
          "{} results delivered to JobClient group {} stay in the feedback queue and will be sent"
              + " again (handle results idempotently): {}",
          jobIds.size(),
          group,
          e.toString());
    }
  }
}
