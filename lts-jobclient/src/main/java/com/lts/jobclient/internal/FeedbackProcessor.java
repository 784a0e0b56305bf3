package com.lts.jobclient.internal;

import com.lts.core.domain.JobResult;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.JobFeedbackRequest;
import com.lts.remoting.internal.command.JobFeedbackResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JOB_FEEDBACK: hands results to the user's handler; a handler that throws delivers nothing (the
 * JobTracker keeps the results and sends them again). A result this client handled already (a
 * JobTracker may send one again when the acknowledgement was lost, e.g. it died or this JVM was
 * frozen meanwhile) is acknowledged without calling the handler again: within this process, each
 * result reaches the handler once.
 */
final class FeedbackProcessor implements RequestProcessor<JobFeedbackRequest, JobFeedbackResponse> {

  private static final Logger log = LoggerFactory.getLogger(FeedbackProcessor.class);

  /** The user's JobCompletedHandler, or null. */
  private final Consumer<List<JobResult>> handler;

  private final AtomicBoolean warnedNoHandler = new AtomicBoolean();
  private final HandledResults handled = new HandledResults();

  private final NodeMetrics metrics;

  FeedbackProcessor(Consumer<List<JobResult>> handler, NodeMetrics metrics) {
    this.handler = handler;
    this.metrics = metrics;
  }

  @Override
  public JobFeedbackResponse process(RemotingChannel channel, JobFeedbackRequest request) {
    List<JobResult> results = request.getJobResults() == null ? List.of() : request.getJobResults();
    if (handler == null) {
      if (warnedNoHandler.compareAndSet(false, true)) {
        log.warn(
            "Results of jobs submitted with needFeedback arrived, but this JobClient has no"
                + " JobCompletedHandler; they are dropped. Call setJobCompletedHandler before start().");
      }
      return new JobFeedbackResponse(results.size(), List.of());
    }
    HandledResults.Claim claim = handled.claim(results);
    if (claim.fresh().isEmpty()) {
      return new JobFeedbackResponse(0, claim.busyTaskIds());
    }
    boolean handledNormally = false;
    try {
      handler.accept(claim.fresh());
      handledNormally = true;
      metrics.count(MetricNames.FEEDBACK_RECEIVED, claim.fresh().size());
      return new JobFeedbackResponse(claim.fresh().size(), claim.busyTaskIds());
    } catch (RuntimeException e) {
      log.warn(
          "JobCompletedHandler threw on {} results; the JobTracker will send them again: {}",
          results.size(),
          e.toString(),
          e);
      return new JobFeedbackResponse(0, results.stream().map(r -> r.getJob().getTaskId()).toList());
    } finally {
      if (handledNormally) {
        handled.done(claim.fresh());
      } else {
        handled.failed(claim.fresh());
      }
    }
  }
}
