package com.lts.jobtracker.internal.complete;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.JobRunResult;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeEvents;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.store.AttemptOutcome;
import com.lts.core.store.AttemptRef;
import com.lts.core.store.Completion;
import com.lts.core.store.DeadJob;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobStore;
import com.lts.core.store.RetryLater;
import com.lts.core.store.StoredJob;
import com.lts.jobtracker.internal.dispatch.Dispatcher;
import com.lts.jobtracker.internal.dispatch.TaskTrackerDirectory;
import com.lts.jobtracker.internal.dispatch.TaskTrackerSlot;
import com.lts.jobtracker.internal.feedback.FeedbackSender;
import com.lts.jobtracker.internal.log.JobEventLog;
import com.lts.jobtracker.internal.schedule.Timekeeper;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.JobCompletedRequest;
import com.lts.remoting.internal.command.JobCompletedResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JOB_COMPLETED: a TaskTracker reports results. Each is accepted only for the job's current attempt
 * (a late answer from a run presumed dead is refused and changes nothing). Jobs asking to run later
 * or that threw are retried with back-off while they have retries left; the rest are done, and
 * their results go to the submitting JobClient group when they asked for feedback. The reply
 * carries new jobs for the TaskTracker's free threads, so a busy worker never waits for its next
 * pull.
 */
public final class CompletionProcessor
    implements RequestProcessor<JobCompletedRequest, JobCompletedResponse> {

  private final JobStore jobs;
  private final TaskTrackerDirectory directory;
  private final Dispatcher dispatcher;
  private final FeedbackSender feedback;
  private final JobEventLog eventLog;
  private final RetryPolicy retryPolicy;
  private final Timekeeper timekeeper;
  private final Clock clock;
  private final NodeEvents events;
  private final NodeMetrics metrics;

  public CompletionProcessor(
      JobStore jobs,
      TaskTrackerDirectory directory,
      Dispatcher dispatcher,
      FeedbackSender feedback,
      JobEventLog eventLog,
      RetryPolicy retryPolicy,
      Timekeeper timekeeper,
      Clock clock,
      NodeEvents events,
      NodeMetrics metrics) {
    this.metrics = metrics;
    this.events = events;
    this.jobs = jobs;
    this.directory = directory;
    this.dispatcher = dispatcher;
    this.feedback = feedback;
    this.eventLog = eventLog;
    this.retryPolicy = retryPolicy;
    this.timekeeper = timekeeper;
    this.clock = clock;
  }

  @Override
  public JobCompletedResponse process(RemotingChannel channel, JobCompletedRequest request) {
    String tracker = channel.peer().identity();
    List<JobRunResult> results = request.getResults() == null ? List.of() : request.getResults();
    long now = clock.millis();
    Map<AttemptRef, JobRunResult> finished = new LinkedHashMap<>();
    Map<AttemptRef, JobRunResult> retried = new LinkedHashMap<>();
    List<RetryLater> retries = new ArrayList<>();
    for (JobRunResult result : results) {
      JobMeta meta = result.getJobMeta();
      AttemptRef ref = new AttemptRef(meta.getJobId(), meta.getAttempt());
      Action action = result.getAction() == null ? Action.EXECUTE_SUCCESS : result.getAction();
      if (action.isRetryable()
          && retryPolicy.mayRetry(meta.getRetryTimes(), meta.getJob().getMaxRetryTimes())) {
        retries.add(
            new RetryLater(
                ref,
                now + retryPolicy.delayMillis(meta.getRetryTimes()),
                line(ref, result, JobLogType.RETRIED, tracker, accepted(result))));
        retried.put(ref, result);
      } else {
        finished.put(ref, result);
      }
    }
    Map<AttemptRef, Completion> completions = completions(finished, now);
    completions.replaceAll(
        (ref, c) ->
            c.logged(
                line(
                    ref,
                    finished.get(ref),
                    JobLogType.FINISHED,
                    tracker,
                    accepted(finished.get(ref)))));
    AttemptOutcome done =
        completions.isEmpty() ? none() : jobs.finish(List.copyOf(completions.values()));
    AttemptOutcome later = retries.isEmpty() ? none() : jobs.retryLater(retries);

    List<JobRunResult> refused = new ArrayList<>();
    collectRefused(done, finished, refused, tracker);
    collectRefused(later, retried, refused, tracker);
    logAccepted(done, completions);
    logAccepted(later, retries);
    sendFeedback(done, completions);
    tell(done, finished, later, retries, retried);
    followUp(done, finished, later, retried, retries);

    TaskTrackerSlot slot = directory.report(channel, request.getAvailableThreads());
    List<JobMeta> next = new ArrayList<>();
    for (StoredJob job : dispatcher.claim(slot, request.getAvailableThreads())) {
      next.add(job.toJobMeta());
    }
    return new JobCompletedResponse(refused, next);
  }

  /** Arms retries on the timing wheel; lets schedules that wait for their last run go on. */
  private void followUp(
      AttemptOutcome done,
      Map<AttemptRef, JobRunResult> finished,
      AttemptOutcome later,
      Map<AttemptRef, JobRunResult> retried,
      List<RetryLater> retries) {
    Set<AttemptRef> accepted = new HashSet<>(later.accepted());
    for (RetryLater retry : retries) {
      if (accepted.contains(retry.run())) {
        Job job = retried.get(retry.run()).getJobMeta().getJob();
        timekeeper.jobDue(job.getTaskTrackerNodeGroup(), retry.triggerTime());
      }
    }
    for (AttemptRef ref : done.accepted()) {
      JobMeta meta = finished.get(ref).getJobMeta();
      if (meta.getScheduleJobId() != null && meta.getJob().isRelyOnPrevCycle()) {
        timekeeper.scheduleChanged(meta.getScheduleJobId());
      }
    }
  }

  /** Tells the node's listeners what became of the jobs whose results were accepted. */
  private void tell(
      AttemptOutcome done,
      Map<AttemptRef, JobRunResult> finished,
      AttemptOutcome later,
      List<RetryLater> retries,
      Map<AttemptRef, JobRunResult> retried) {
    Set<AttemptRef> accepted = new HashSet<>(later.accepted());
    for (RetryLater retry : retries) {
      if (accepted.contains(retry.run())) {
        JobMeta meta = retried.get(retry.run()).getJobMeta();
        Job job = meta.getJob();
        events.publish(
            new NodeEvent.JobRetried(
                meta.getJobId(),
                job.getTaskId(),
                job.getTaskTrackerNodeGroup(),
                meta.getRetryTimes(),
                retry.triggerTime(),
                reason(retried.get(retry.run()))));
      }
    }
    for (AttemptRef ref : done.accepted()) {
      JobRunResult result = finished.get(ref);
      JobMeta meta = result.getJobMeta();
      Job job = meta.getJob();
      Action action = result.getAction() == null ? Action.EXECUTE_SUCCESS : result.getAction();
      metrics.count(
          MetricNames.JOBS_COMPLETED,
          1,
          MetricNames.TAG_GROUP,
          job.getTaskTrackerNodeGroup(),
          MetricNames.TAG_ACTION,
          action.name());
      if (action == Action.EXECUTE_FAILED) {
        events.publish(
            new NodeEvent.JobFailed(
                meta.getJobId(), job.getTaskId(), job.getTaskTrackerNodeGroup(), reason(result)));
      } else if (action.isRetryable()) { // retries used up
        events.publish(
            new NodeEvent.JobDeadLettered(
                meta.getJobId(),
                job.getTaskId(),
                job.getTaskTrackerNodeGroup(),
                meta.getRetryTimes(),
                reason(result)));
      }
    }
  }

  private static String reason(JobRunResult result) {
    return result.getAction() + (result.getMsg() == null ? "" : ": " + result.getMsg());
  }

  private static AttemptOutcome none() {
    return new AttemptOutcome(List.of(), List.of());
  }

  private void collectRefused(
      AttemptOutcome outcome,
      Map<AttemptRef, JobRunResult> byRef,
      List<JobRunResult> refused,
      String tracker) {
    for (AttemptRef ref : outcome.refused()) {
      JobRunResult result = byRef.get(ref);
      refused.add(result);
      log(
          ref,
          result,
          JobLogType.FINISHED,
          tracker,
          "late result refused: attempt " + ref.attempt() + " is no longer current");
    }
  }

  private void logAccepted(AttemptOutcome outcome, Map<AttemptRef, Completion> completions) {
    for (AttemptRef ref : outcome.accepted()) {
      eventLog.written(completions.get(ref).log());
    }
  }

  private void logAccepted(AttemptOutcome outcome, List<RetryLater> retries) {
    Set<AttemptRef> accepted = new HashSet<>(outcome.accepted());
    for (RetryLater retry : retries) {
      if (accepted.contains(retry.run())) {
        eventLog.written(retry.log());
      }
    }
  }

  private static String accepted(JobRunResult result) {
    return result.getAction()
        + " in "
        + (result.getEndTime() - result.getStartTime())
        + " ms"
        + (result.getMsg() == null ? "" : ": " + result.getMsg());
  }

  private JobLogEntry line(
      AttemptRef ref, JobRunResult result, JobLogType type, String tracker, String msg) {
    Job job = result.getJobMeta().getJob();
    return eventLog.line(
        ref.jobId(),
        job.getTaskTrackerNodeGroup(),
        job.getTaskId(),
        ref.attempt(),
        type,
        tracker,
        msg);
  }

  private void log(
      AttemptRef ref, JobRunResult result, JobLogType type, String tracker, String msg) {
    eventLog.event(line(ref, result, type, tracker, msg));
  }

  /**
   * What ends each finished run; a job that asked for feedback carries its result, which the store
   * writes with the completion (the outbox) so that no crash can lose it.
   */
  private static Map<AttemptRef, Completion> completions(
      Map<AttemptRef, JobRunResult> finished, long now) {
    Map<AttemptRef, Completion> completions = new LinkedHashMap<>();
    for (Map.Entry<AttemptRef, JobRunResult> e : finished.entrySet()) {
      JobRunResult run = e.getValue();
      Job job = run.getJobMeta().getJob();
      if (job.isNeedFeedback() && job.getSubmitNodeGroup() != null) {
        JobResult result =
            new JobResult(
                job, run.getAction(), run.getMsg(), run.getEndTime() > 0 ? run.getEndTime() : now);
        result.setJobId(e.getKey().jobId());
        completions.put(
            e.getKey(), Completion.withFeedback(e.getKey(), job.getSubmitNodeGroup(), result));
      } else {
        completions.put(e.getKey(), Completion.of(e.getKey()));
      }
      if (run.getAction() != null && run.getAction().isRetryable()) { // retries used up
        JobMeta meta = run.getJobMeta();
        completions.computeIfPresent(
            e.getKey(),
            (ref, c) ->
                c.deadLettered(
                    new DeadJob(
                        ref.jobId(),
                        job.getTaskTrackerNodeGroup(),
                        job.getTaskId(),
                        job,
                        meta.getScheduleJobId(),
                        ref.attempt(),
                        meta.getRetryTimes(),
                        run.getAction().name(),
                        run.getMsg(),
                        0)));
      }
    }
    return completions;
  }

  /** Delivers the feedback the completion stored; what is not acknowledged stays queued. */
  private void sendFeedback(AttemptOutcome outcome, Map<AttemptRef, Completion> completions) {
    Map<String, List<JobResult>> byGroup = new LinkedHashMap<>();
    for (AttemptRef ref : outcome.accepted()) {
      Completion completion = completions.get(ref);
      if (completion.hasFeedback()) {
        byGroup
            .computeIfAbsent(completion.jobClientNodeGroup(), g -> new ArrayList<>())
            .add(completion.feedback());
      }
    }
    byGroup.forEach(feedback::send);
  }
}
