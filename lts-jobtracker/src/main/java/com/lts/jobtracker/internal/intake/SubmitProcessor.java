package com.lts.jobtracker.internal.intake;

import com.lts.core.LtsException;
import com.lts.core.cluster.NodeType;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobBatch;
import com.lts.core.domain.JobRefusal;
import com.lts.core.domain.JobType;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.store.ClaimingSubmit;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobStore;
import com.lts.core.store.NodeGroupStore;
import com.lts.core.store.StoreException;
import com.lts.core.store.StoredJob;
import com.lts.core.store.SubmitResult;
import com.lts.core.store.SubmitStatus;
import com.lts.jobtracker.internal.dispatch.Dispatcher;
import com.lts.jobtracker.internal.log.JobEventLog;
import com.lts.jobtracker.internal.schedule.Timekeeper;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.JobSubmitRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SUBMIT_JOB: stores a batch of jobs and starts the due ones at once on idle TaskTrackers. Jobs are
 * checked one by one: an invalid job is refused alone, named in {@link Response#getRefusals()} with
 * its problems, and the valid ones of the batch are stored (the answer is then {@code
 * REQUEST_FIELD_CHECK_ERROR}, not a success). A job whose task id exists already is kept as it was
 * (or replaced, with {@code replaceOnExist}) and reported in the message. When the store cannot
 * take the batch, nothing is stored and the answer is {@code SYSTEM_ERROR} without failed jobs
 * (meaning all of them, and worth trying again); the request's jobs are not echoed back, so an
 * answer is never larger than its request.
 */
public final class SubmitProcessor implements RequestProcessor<JobSubmitRequest, Response> {

  private final JobStore jobs;
  private final NodeGroupStore nodeGroups;
  private final Dispatcher dispatcher;
  private final JobEventLog eventLog;
  private final Timekeeper timekeeper;
  private final Background background;
  private final NodeMetrics metrics;
  private final UnservedGroups unserved;
  private final Set<String> knownGroups = ConcurrentHashMap.newKeySet();
  private final int maxJobsPerBatch;
  private final SubmitRateLimiter rate;
  private final Clock clock;

  /**
   * @param maxJobsPerBatch {@code jobtracker.submit.batch.max.jobs}
   * @param maxSubmitsPerSecond {@code jobtracker.submit.maxQPS.per.client}
   */
  public SubmitProcessor(
      JobStore jobs,
      NodeGroupStore nodeGroups,
      Dispatcher dispatcher,
      JobEventLog eventLog,
      Timekeeper timekeeper,
      NodeEvents events,
      NodeMetrics metrics,
      UnservedGroups unserved,
      int maxJobsPerBatch,
      int maxSubmitsPerSecond,
      Clock clock) {
    this.maxJobsPerBatch = maxJobsPerBatch;
    this.rate = new SubmitRateLimiter(maxSubmitsPerSecond, clock);
    this.clock = clock;
    this.metrics = metrics;
    this.unserved = unserved;
    this.background = new Background(events, SubmitProcessor.class);
    this.jobs = jobs;
    this.nodeGroups = nodeGroups;
    this.dispatcher = dispatcher;
    this.eventLog = eventLog;
    this.timekeeper = timekeeper;
  }

  @Override
  public Response process(RemotingChannel channel, JobSubmitRequest request) {
    List<Job> submitted = request.getJobs();
    if (submitted.isEmpty()) {
      return Response.failure(
          ResponseCode.REQUEST_FIELD_CHECK_ERROR, "No jobs in the request", List.of());
    }
    if (!rate.tryAcquire(channel.peer().identity())) {
      return Response.failure(
          ResponseCode.SUBMIT_TOO_BUSY,
          "More than "
              + rate.maxPerSecond()
              + " submits in one second from "
              + channel.peer().identity()
              + " (jobtracker.submit.maxQPS.per.client); none of these "
              + submitted.size()
              + " jobs was stored, send them again later",
          List.of());
    }
    if (submitted.size() > maxJobsPerBatch) {
      return Response.failure(
          ResponseCode.REQUEST_FIELD_CHECK_ERROR,
          submitted.size()
              + " jobs in one submit, more than the limit of "
              + maxJobsPerBatch
              + " (jobtracker.submit.batch.max.jobs); none was stored, send smaller batches",
          List.of());
    }
    String submitter =
        channel.peer().nodeType() == NodeType.JOB_CLIENT ? channel.peer().nodeGroup() : null;
    List<Job> valid = new ArrayList<>(submitted.size());
    List<JobRefusal> refused = new ArrayList<>();
    for (Job job : submitted) {
      Optional<JobRefusal> refusal = JobBatch.refusalOf(job, submitter);
      if (refusal.isPresent()) {
        refused.add(refusal.get());
      } else {
        valid.add(job);
      }
    }
    List<SubmitResult> results = List.of();
    Map<String, StoredJob> claimedAtSubmit = new HashMap<>();
    if (!valid.isEmpty()) {
      try {
        long started = System.nanoTime();
        ClaimingSubmit stored = store(valid);
        results = stored.results();
        stored.claimed().forEach(job -> claimedAtSubmit.put(job.jobId(), job));
        metrics.time(MetricNames.STORE_SUBMIT, System.nanoTime() - started);
        countReceived(valid);
      } catch (StoreException e) {
        background.failed(
            "Submit", new LtsException("Storing " + valid.size() + " submitted jobs", e));
        return Response.failure(
            ResponseCode.SYSTEM_ERROR,
            "The job store could not take the jobs, none was stored: " + e.getMessage(),
            List.of());
      }
    }
    String received = received(valid, results, claimedAtSubmit);
    List<String> warnings = unserved.warnings(groupsOf(valid));
    if (refused.isEmpty()) {
      Response response = Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, received);
      response.setWarnings(warnings);
      return response;
    }
    Response response =
        Response.failure(
            ResponseCode.REQUEST_FIELD_CHECK_ERROR,
            refused.size()
                + " of "
                + submitted.size()
                + " jobs are invalid and were not stored ("
                + received
                + "): "
                + describe(refused),
            List.of());
    response.setRefusals(refused);
    response.setWarnings(warnings);
    return response;
  }

  /**
   * Stores the jobs; the due one-time jobs of the batch's first group that has any are claimed at
   * their submit when a TaskTracker of that group is idle, and pushed.
   */
  private ClaimingSubmit store(List<Job> valid) {
    long now = clock.millis();
    String group = null;
    int due = 0;
    for (Job job : valid) {
      if (isDue(job, now) && (group == null || group.equals(job.getTaskTrackerNodeGroup()))) {
        group = job.getTaskTrackerNodeGroup();
        due++;
      }
    }
    return dispatcher.submit(valid, group, due);
  }

  private static boolean isDue(Job job, long now) {
    JobType type = job.getJobType();
    return type == JobType.REAL_TIME
        || (type == JobType.TRIGGER_TIME && job.getTriggerTime() <= now);
  }

  private static Set<String> groupsOf(List<Job> jobs) {
    Set<String> groups = new LinkedHashSet<>();
    jobs.forEach(job -> groups.add(job.getTaskTrackerNodeGroup()));
    return groups;
  }

  private void countReceived(List<Job> stored) {
    Map<String, Long> perGroup = new HashMap<>();
    stored.forEach(job -> perGroup.merge(job.getTaskTrackerNodeGroup(), 1L, Long::sum));
    perGroup.forEach(
        (group, n) -> metrics.count(MetricNames.JOBS_RECEIVED, n, MetricNames.TAG_GROUP, group));
  }

  private static String describe(List<JobRefusal> refused) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(20, refused.size()); i++) {
      s.append(i == 0 ? "" : " | ").append(refused.get(i));
    }
    return refused.size() > 20 ? s + " | ..." : s.toString();
  }

  private String received(
      List<Job> submitted, List<SubmitResult> results, Map<String, StoredJob> claimedAtSubmit) {
    List<String> duplicates = new ArrayList<>();
    List<String> running = new ArrayList<>();
    int resent = 0;
    Set<String> dueGroups = new LinkedHashSet<>();
    for (int i = 0; i < results.size(); i++) {
      SubmitResult result = results.get(i);
      Job job = submitted.get(i);
      rememberGroup(result.taskTrackerNodeGroup());
      if (result.status() == SubmitStatus.DUPLICATE) {
        duplicates.add(result.taskId());
        continue;
      }
      if (result.status() == SubmitStatus.REFUSED_RUNNING) {
        running.add(result.taskId());
        continue;
      }
      if (result.status() == SubmitStatus.ALREADY_RECEIVED) {
        // A re-send of a job stored before (its submit id is known): received, not again.
        resent++;
        continue;
      }
      eventLog.written(
          eventLog.line(
              result.jobId(),
              result.taskTrackerNodeGroup(),
              result.taskId(),
              0,
              JobLogType.RECEIVED,
              null,
              result.status() == SubmitStatus.REPLACED
                  ? "replaced the existing job"
                  : job.getJobType().name()));
      StoredJob claimed = claimedAtSubmit.get(result.jobId());
      if (claimed != null) {
        eventLog.written(
            claimed,
            JobLogType.DISPATCHED,
            claimed.taskTrackerIdentity(),
            "attempt " + claimed.attempt());
        continue; // pushed already
      }
      switch (job.getJobType()) {
        case REAL_TIME -> dueGroups.add(result.taskTrackerNodeGroup());
        case TRIGGER_TIME -> {
          dueGroups.add(result.taskTrackerNodeGroup());
          timekeeper.jobDue(result.taskTrackerNodeGroup(), job.getTriggerTime());
        }
        case CRON, REPEAT -> timekeeper.scheduleChanged(result.jobId());
      }
    }
    dueGroups.forEach(dispatcher::dispatchGroup);
    String msg = (results.size() - duplicates.size() - running.size()) + " jobs received";
    if (resent > 0) {
      msg += " (" + resent + " of them re-sent and stored before)";
    }
    if (!running.isEmpty()) {
      msg +=
          "; "
              + running.size()
              + " were refused because the job with their taskId is running and replaceOnExist"
              + " never replaces a running job (submit again when it finished): "
              + String.join(", ", running.subList(0, Math.min(20, running.size())))
              + (running.size() > 20 ? ", ..." : "");
    }
    if (!duplicates.isEmpty()) {
      msg +=
          "; "
              + duplicates.size()
              + " already existed and were kept unchanged (set replaceOnExist to replace them): "
              + String.join(", ", duplicates.subList(0, Math.min(20, duplicates.size())))
              + (duplicates.size() > 20 ? ", ..." : "");
    }
    return msg;
  }

  private void rememberGroup(String group) {
    if (knownGroups.add(group)) {
      try {
        nodeGroups.add(NodeType.TASK_TRACKER, group);
      } catch (RuntimeException e) {
        knownGroups.remove(group); // tried again with the next submit for the group
        background.failed(
            "Recording node groups", new LtsException("Recording node group " + group, e));
      }
    }
  }
}
