package com.lts.jobclient.internal;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobBatch;
import com.lts.core.domain.JobRefusal;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.failstore.DeadLetter;
import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStores;
import com.lts.core.failstore.internal.FailStoreResender;
import com.lts.core.internal.json.Json;
import com.lts.core.loadbalance.LoadBalance;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.node.JobTrackerNotFoundException;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.core.spi.Plugins;
import com.lts.core.store.NodeStats;
import com.lts.jobclient.operations.JobOperations;
import com.lts.remoting.RemotingException;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobCancelRequest;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.protocol.FrameFormat;
import com.lts.remoting.internal.protocol.FrameTooLargeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running part of a JobClient: its JobTracker connections and the submit and cancel calls. */
public final class JobClientRuntime implements RoleRuntime {

  private static final Logger log = LoggerFactory.getLogger(JobClientRuntime.class);

  /** Jobs per SUBMIT_JOB request. */
  static final int BATCH_SIZE = 1_000;

  /** SUBMIT_JOB requests of one large submit in flight at once. */
  static final int PARALLEL_BATCHES = 4;

  /** A SUBMIT_JOB frame without its jobs: length field, header, {@code {"jobs":[]}}. */
  static final int REQUEST_OVERHEAD =
      FrameFormat.LENGTH_FIELD_BYTES + FrameFormat.HEADER_BYTES + "{\"jobs\":[]}".length();

  private final NodeContext context;
  private final NodeConfig config;
  private final JobTrackerConnections jobTrackers;
  private final FailStoreResender<Job> resender;
  private final BatchSender batchSender;
  private final SubmitRateLimiter rateLimiter;
  private final Duration rateLimitTimeout;
  private final JobOperations operations;
  private final int maxFrameBytes;
  private final long maxJobBytes;
  private volatile boolean master;

  /**
   * @param handler the user's JobCompletedHandler, or null
   * @param keepFailedSubmits RetryJobClient: jobs no JobTracker takes are kept in the FailStore and
   *     re-sent, instead of being returned as failed
   */
  public JobClientRuntime(
      NodeContext context, Consumer<List<JobResult>> handler, boolean keepFailedSubmits) {
    this.context = context;
    this.config = context.config();
    try {
      LoadBalance loadBalance =
          Plugins.find(
              LoadBalance.class,
              config.get(ConfigKeys.JOBCLIENT_SELECT_LOADBALANCE),
              ConfigKeys.JOBCLIENT_SELECT_LOADBALANCE.name());
      FeedbackProcessor feedback = new FeedbackProcessor(handler, context.metrics());
      this.jobTrackers =
          new JobTrackerConnections(
              config,
              loadBalance,
              client -> client.registerProcessor(Command.JOB_FEEDBACK, feedback),
              context.events());
      this.rateLimiter =
          new SubmitRateLimiter(config.get(ConfigKeys.SUBMIT_MAX_QPS), System::nanoTime);
      this.rateLimitTimeout = config.get(ConfigKeys.SUBMIT_LOCK_ACQUIRE_TIMEOUT);
      this.operations = new RemoteJobOperations(jobTrackers);
      this.maxFrameBytes = config.get(ConfigKeys.FRAME_LENGTH_MAX);
      this.maxJobBytes = maxFrameBytes - REQUEST_OVERHEAD;
      // A tenth of the frame as headroom: batches never come near the limit.
      long batchBytes = Math.max(1, maxFrameBytes - maxFrameBytes / 10 - REQUEST_OVERHEAD);
      this.batchSender =
          new BatchSender(
              "lts-submit-" + config.identity(),
              BATCH_SIZE,
              batchBytes,
              job -> Json.toBytes(job).length,
              PARALLEL_BATCHES,
              this::send);
      if (keepFailedSubmits) {
        FailStore failStore = FailStores.open(config);
        try {
          this.resender =
              new FailStoreResender<>(
                  "lts-submit-retry-" + config.identity(),
                  failStore,
                  FailStoreResender.openDeadLetters(failStore),
                  Job.class,
                  BATCH_SIZE,
                  batchBytes,
                  this::resend,
                  JobClientRuntime::describe,
                  () -> master,
                  context.events());
        } catch (RuntimeException | Error e) {
          failStore.close(); // its lock would keep the next start out
          throw e;
        }
      } else {
        this.resender = null;
      }
      context.registry().subscribe(NodeType.JOB_TRACKER, null, jobTrackers);
    } catch (RuntimeException | Error e) {
      // Whatever started before the failure (threads, the FailStore and its lock) must not outlive
      // it.
      try {
        close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    // So that a submit right after start() finds a JobTracker that is up.
    if (!jobTrackers.awaitAny(config.get(ConfigKeys.CONNECT_TIMEOUT))) {
      log.warn(
          "JobClient {} started without a reachable JobTracker in cluster '{}'; submits fail until"
              + " one is up",
          config.identity(),
          config.clusterName());
    }
  }

  public Response submit(List<Job> submitted) {
    Response response = submitAndSave(submitted);
    countSubmit(submitted.size(), response);
    return response;
  }

  /** The submit figures: taken by a JobTracker, refused, or kept in the FailStore for later. */
  private void countSubmit(int jobs, Response response) {
    NodeMetrics metrics = context.metrics();
    String code = response.getCode();
    if (ResponseCode.SUBMIT_TOO_BUSY_AND_SAVE_FOR_LATER.equals(code)
        || ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER.equals(code)) {
      metrics.count(MetricNames.JOBS_SAVED_FOR_LATER, jobs);
    } else if (response.isSuccess()) {
      metrics.count(MetricNames.JOBS_SUBMITTED, jobs);
    } else {
      int refused = response.getFailedJobs().isEmpty() ? jobs : response.getFailedJobs().size();
      metrics.count(MetricNames.JOBS_REFUSED, refused);
      metrics.count(MetricNames.JOBS_SUBMITTED, jobs - refused);
    }
  }

  private Response submitAndSave(List<Job> submitted) {
    Optional<Response> refused = JobBatch.refuseInvalid(submitted, config.nodeGroup(), "submitted");
    if (refused.isPresent()) {
      return refused.get();
    }
    List<Job> jobs = withSubmitIds(submitted);
    Optional<Response> tooLarge = refuseTooLarge(jobs);
    if (tooLarge.isPresent()) {
      return tooLarge.get();
    }
    if (!acquireSubmitPermit()) {
      String reason =
          "more than "
              + config.get(ConfigKeys.SUBMIT_MAX_QPS)
              + " submits per second ("
              + ConfigKeys.SUBMIT_MAX_QPS.name()
              + ") for longer than "
              + ConfigKey.format(rateLimitTimeout)
              + " ("
              + ConfigKeys.SUBMIT_LOCK_ACQUIRE_TIMEOUT.name()
              + ")";
      if (resender != null) {
        return saveForLater(jobs, reason, ResponseCode.SUBMIT_TOO_BUSY_AND_SAVE_FOR_LATER);
      }
      return Response.failure(
          ResponseCode.SUBMIT_TOO_BUSY, "Submit refused, nothing was sent: " + reason, jobs);
    }
    if (resender == null) {
      return sendInBatches(jobs);
    }
    if (resender.pending() > 0) {
      // Earlier jobs wait in the FailStore: these go behind them, so jobs arrive in order.
      return saveForLater(
          jobs,
          "earlier jobs are still waiting to be sent",
          ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER);
    }
    Response response = sendInBatches(jobs);
    List<Job> notTaken = BatchSender.notTaken(response);
    if (response.isSuccess() || notTaken.isEmpty() || !isTransient(response.getCode())) {
      return response;
    }
    Response saved =
        saveForLater(notTaken, response.getMsg(), ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER);
    if (!saved.isSuccess() || response.getRefusals().isEmpty()) {
      return saved;
    }
    List<Job> refusedJobs = new ArrayList<>(response.getFailedJobs());
    refusedJobs.removeAll(notTaken);
    Response partly =
        Response.failure(
            ResponseCode.REQUEST_FIELD_CHECK_ERROR,
            refusedJobs.size() + " jobs were refused as invalid; " + saved.getMsg(),
            refusedJobs);
    partly.setRefusals(response.getRefusals());
    return partly;
  }

  /** No JobTracker, a lost connection, a timeout, a busy or unavailable store: worth retrying. */
  private static boolean isTransient(String code) {
    return ResponseCode.JOB_TRACKER_NOT_FOUND.equals(code)
        || ResponseCode.SYSTEM_ERROR.equals(code);
  }

  /** Refuses, before anything is sent, a submit with a job that does not fit in one frame. */
  private Optional<Response> refuseTooLarge(List<Job> jobs) {
    List<Job> tooLarge = new ArrayList<>();
    List<JobRefusal> refusals = new ArrayList<>();
    for (Job job : jobs) {
      tooLargeReason(job)
          .ifPresent(
              reason -> {
                tooLarge.add(job);
                refusals.add(
                    new JobRefusal(job.getTaskId(), job.getTaskTrackerNodeGroup(), reason));
              });
    }
    if (tooLarge.isEmpty()) {
      return Optional.empty();
    }
    Response response =
        Response.failure(
            ResponseCode.REQUEST_FIELD_CHECK_ERROR,
            tooLarge.size()
                + " of "
                + jobs.size()
                + " jobs are too large to send, none was submitted: "
                + refusals.stream().map(JobRefusal::toString).collect(Collectors.joining(" | ")),
            tooLarge);
    response.setRefusals(refusals);
    return Optional.of(response);
  }

  private Optional<String> tooLargeReason(Job job) {
    int size = Json.toBytes(job).length;
    if (size <= maxJobBytes) {
      return Optional.empty();
    }
    return Optional.of(
        "the job is "
            + size
            + " bytes as JSON, more than the "
            + maxJobBytes
            + " bytes one SUBMIT_JOB frame can carry ("
            + ConfigKeys.FRAME_LENGTH_MAX.name()
            + " = "
            + maxFrameBytes
            + "); keep large payloads elsewhere and pass a reference");
  }

  private static String describe(Job job) {
    return "job '" + job.getTaskId() + "' of group '" + job.getTaskTrackerNodeGroup() + "'";
  }

  /**
   * Copies of the jobs, each with a submit id (a new one unless the caller set one): sent, kept in
   * the FailStore and re-sent with it, so a JobTracker recognises a re-send of a job it stored
   * already. The caller's jobs are not changed: submitting the same Job object again is a new
   * submit.
   */
  private static List<Job> withSubmitIds(List<Job> jobs) {
    List<Job> copies = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      Job copy = new Job(job);
      if (copy.getSubmitId() == null) {
        copy.setSubmitId(UUID.randomUUID().toString().replace("-", ""));
      }
      copies.add(copy);
    }
    return copies;
  }

  private boolean acquireSubmitPermit() {
    try {
      return rateLimiter.tryAcquire(rateLimitTimeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Response saveForLater(List<Job> jobs, String reason, String code) {
    List<byte[]> values = new ArrayList<>(jobs.size());
    jobs.forEach(job -> values.add(Json.toBytes(job)));
    try {
      resender.putAll(values);
    } catch (RuntimeException e) {
      return Response.failure(
          ResponseCode.SYSTEM_ERROR,
          "No JobTracker took the jobs ("
              + reason
              + ") and they could not be kept locally: "
              + e.getMessage(),
          jobs);
    }
    return Response.success(
        code,
        jobs.size()
            + " jobs were kept in the local FailStore and are sent when a JobTracker takes them ("
            + reason
            + ")");
  }

  /**
   * A batch from the FailStore. Jobs that can never be accepted (invalid by now, too large, refused
   * by the JobTracker) are set aside one by one; the others are taken or kept for the next try.
   */
  private FailStoreResender.Outcome resend(List<Job> batch) {
    Map<Integer, String> refused = new HashMap<>();
    List<Job> toSend = new ArrayList<>(batch.size());
    List<Integer> sentIndexes = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Job job = batch.get(i);
      // Validity is the JobTracker's to judge (it answers per job); size is known here only.
      Optional<String> reason = tooLargeReason(job);
      if (reason.isPresent()) {
        refused.put(i, reason.get());
      } else {
        toSend.add(job);
        sentIndexes.add(i);
      }
    }
    if (toSend.isEmpty()) {
      return FailStoreResender.Outcome.refused(refused);
    }
    Response response = send(toSend);
    if (response.isSuccess()) {
      return FailStoreResender.Outcome.refused(refused);
    }
    Set<Integer> notTaken = new HashSet<>();
    for (int j = 0; j < toSend.size(); j++) {
      Job job = toSend.get(j);
      if (response.getFailedJobs().stream().noneMatch(f -> sameJob(f, job))) {
        continue;
      }
      Optional<JobRefusal> refusal =
          response.getRefusals().stream().filter(r -> r.isAbout(job)).findFirst();
      if (refusal.isPresent()) {
        refused.put(sentIndexes.get(j), refusal.get().getReason());
      } else {
        notTaken.add(sentIndexes.get(j));
      }
    }
    RuntimeException cause =
        notTaken.isEmpty()
            ? null
            : ResponseCode.JOB_TRACKER_NOT_FOUND.equals(response.getCode())
                ? new JobTrackerNotFoundException(response.getMsg())
                : new SubmitNotTakenException(
                    notTaken.size() + " saved jobs were not taken: " + response.getMsg());
    return new FailStoreResender.Outcome(refused, notTaken, cause);
  }

  private static boolean sameJob(Job a, Job b) {
    return a == b
        || (Objects.equals(a.getTaskId(), b.getTaskId())
            && Objects.equals(a.getTaskTrackerNodeGroup(), b.getTaskTrackerNodeGroup()));
  }

  @Override
  public void reportStats(List<NodeStats> stats) {
    jobTrackers.sendStats(stats);
  }

  @Override
  public void masterChanged(boolean isMaster) {
    master = isMaster;
  }

  private Response sendInBatches(List<Job> jobs) {
    return batchSender.send(jobs);
  }

  /**
   * Sends one batch. The answer's failed jobs are the batch's own objects; those refused for good
   * are in its refusals, the others were not taken for a transient reason (its code).
   */
  private Response send(List<Job> batch) {
    Response response;
    try {
      response =
          jobTrackers.invoke(Command.SUBMIT_JOB, new JobSubmitRequest(new ArrayList<>(batch)));
    } catch (JobTrackerNotFoundException e) {
      return Response.failure(ResponseCode.JOB_TRACKER_NOT_FOUND, e.getMessage(), batch);
    } catch (FrameTooLargeException e) {
      return batch.size() == 1 ? refused(batch.get(0), e.getMessage()) : sendHalves(batch);
    } catch (RemotingException e) {
      return Response.failure(ResponseCode.SYSTEM_ERROR, "Submit failed: " + e.getMessage(), batch);
    }
    if (response.isSuccess()) {
      return response;
    }
    if (!response.getRefusals().isEmpty()) {
      List<Job> refusedJobs = new ArrayList<>();
      for (Job job : batch) {
        if (response.getRefusals().stream().anyMatch(r -> r.isAbout(job))) {
          refusedJobs.add(job);
        }
      }
      Response answer = Response.failure(response.getCode(), response.getMsg(), refusedJobs);
      answer.setRefusals(response.getRefusals());
      answer.setWarnings(response.getWarnings());
      return answer;
    }
    Response answer = Response.failure(response.getCode(), response.getMsg(), batch);
    if (ResponseCode.REQUEST_FIELD_CHECK_ERROR.equals(response.getCode())) {
      // A JobTracker that refuses a batch whole names its invalid jobs and stores none.
      List<JobRefusal> refusals = new ArrayList<>();
      for (Job job : response.getFailedJobs()) {
        refusals.add(
            new JobRefusal(job.getTaskId(), job.getTaskTrackerNodeGroup(), response.getMsg()));
      }
      answer.setRefusals(refusals);
    }
    return answer;
  }

  private static Response refused(Job job, String reason) {
    Response response =
        Response.failure(
            ResponseCode.REQUEST_FIELD_CHECK_ERROR,
            describe(job) + " is too large to send: " + reason,
            List.of(job));
    response.setRefusals(
        List.of(new JobRefusal(job.getTaskId(), job.getTaskTrackerNodeGroup(), reason)));
    return response;
  }

  /** A batch whose frame was too large, in two halves; the second waits for the first. */
  private Response sendHalves(List<Job> batch) {
    List<Job> first = batch.subList(0, batch.size() / 2);
    List<Job> second = batch.subList(batch.size() / 2, batch.size());
    Response a = send(first);
    if (!BatchSender.notTaken(a).isEmpty()) {
      List<Job> failed = new ArrayList<>(a.getFailedJobs());
      failed.addAll(second);
      Response answer = Response.failure(a.getCode(), a.getMsg(), failed);
      answer.setRefusals(a.getRefusals());
      return answer;
    }
    Response b = send(second);
    if (a.isSuccess() && b.isSuccess()) {
      Response answer =
          Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, batch.size() + " jobs received");
      answer.addWarnings(a.getWarnings());
      answer.addWarnings(b.getWarnings());
      return answer;
    }
    List<Job> failed = new ArrayList<>(a.getFailedJobs());
    failed.addAll(b.getFailedJobs());
    List<JobRefusal> refusals = new ArrayList<>(a.getRefusals());
    refusals.addAll(b.getRefusals());
    Response worst = !BatchSender.notTaken(b).isEmpty() || a.isSuccess() ? b : a;
    Response answer = Response.failure(worst.getCode(), worst.getMsg(), failed);
    answer.setRefusals(refusals);
    answer.addWarnings(a.getWarnings());
    answer.addWarnings(b.getWarnings());
    return answer;
  }

  /** Jobs set aside for good, oldest first, at most {@code max}. */
  public List<DeadLetter> deadLetters(int max) {
    return retrying().deadLetters().oldest(max);
  }

  public long deadLetterCount() {
    return retrying().deadLetters().count();
  }

  public void removeDeadLetters(Collection<String> ids) {
    retrying().deadLetters().delete(ids);
  }

  /**
   * Submits the readable dead letters with these ids again, like {@link #submit}; removes them when
   * the submit succeeded (taken, or kept for later).
   */
  public Response resubmitDeadLetters(Collection<String> ids) {
    Set<String> wanted = new HashSet<>(ids);
    List<Job> jobs = new ArrayList<>();
    List<String> found = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    long count = retrying().deadLetters().count();
    for (DeadLetter letter :
        retrying().deadLetters().oldest((int) Math.max(1, Math.min(Integer.MAX_VALUE, count)))) {
      if (!wanted.contains(letter.key())) {
        continue;
      }
      try {
        jobs.add(letter.value(Job.class));
        found.add(letter.key());
      } catch (RuntimeException e) {
        unreadable.add(letter.key());
      }
    }
    if (jobs.isEmpty()) {
      return Response.failure(
          ResponseCode.REQUEST_FIELD_CHECK_ERROR,
          "None of the "
              + ids.size()
              + " dead letters is a readable job"
              + unreadableNote(unreadable),
          List.of());
    }
    Response response = submit(jobs);
    if (response.isSuccess()) {
      retrying().deadLetters().delete(found);
      response.setMsg(response.getMsg() + unreadableNote(unreadable));
    }
    return response;
  }

  private static String unreadableNote(List<String> unreadable) {
    return unreadable.isEmpty()
        ? ""
        : "; " + unreadable.size() + " could not be read and stay: " + unreadable;
  }

  private FailStoreResender<Job> retrying() {
    if (resender == null) {
      throw new IllegalStateException("Only a RetryJobClient keeps dead letters");
    }
    return resender;
  }

  public JobOperations operations() {
    return operations;
  }

  public Response cancel(String taskId, String taskTrackerNodeGroup) {
    if (taskId == null
        || taskId.isBlank()
        || taskTrackerNodeGroup == null
        || taskTrackerNodeGroup.isBlank()) {
      return Response.failure(
          ResponseCode.REQUEST_FIELD_CHECK_ERROR,
          "cancelJob needs a taskId and a taskTrackerNodeGroup",
          List.of());
    }
    try {
      return jobTrackers.invoke(
          Command.CANCEL_JOB, new JobCancelRequest(taskId, taskTrackerNodeGroup));
    } catch (JobTrackerNotFoundException e) {
      return Response.failure(ResponseCode.JOB_TRACKER_NOT_FOUND, e.getMessage(), List.of());
    } catch (RemotingException e) {
      return Response.failure(
          ResponseCode.SYSTEM_ERROR, "Cancel failed: " + e.getMessage(), List.of());
    }
  }

  @Override
  public void close() {
    if (resender != null) {
      resender.close();
    }
    if (jobTrackers != null) {
      context.registry().unsubscribe(jobTrackers);
      jobTrackers.close();
    }
    if (batchSender != null) {
      batchSender.close();
    }
  }
}
