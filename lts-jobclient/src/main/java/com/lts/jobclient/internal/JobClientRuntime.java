package com.lts.jobclient.internal;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobBatch;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.failstore.FailStores;
import com.lts.core.failstore.internal.FailStoreResender;
import com.lts.core.internal.json.Json;
import com.lts.core.loadbalance.LoadBalance;
import com.lts.core.node.JobTrackerNotFoundException;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.core.spi.Plugins;
import com.lts.jobclient.operations.JobOperations;
import com.lts.remoting.RemotingException;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobCancelRequest;
import com.lts.remoting.internal.command.JobSubmitRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running part of a JobClient: its JobTracker connections and the submit and cancel calls. */
public final class JobClientRuntime implements RoleRuntime {

  private static final Logger log = LoggerFactory.getLogger(JobClientRuntime.class);

  /** Jobs per SUBMIT_JOB request. */
  static final int BATCH_SIZE = 1_000;

  /** SUBMIT_JOB requests of one large submit in flight at once. */
  static final int PARALLEL_BATCHES = 4;

  private final NodeContext context;
  private final NodeConfig config;
  private final JobTrackerConnections jobTrackers;
  private final FailStoreResender<Job> resender;
  private final BatchSender batchSender;
  private final SubmitRateLimiter rateLimiter;
  private final Duration rateLimitTimeout;
  private final JobOperations operations;
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
    LoadBalance loadBalance =
        Plugins.find(
            LoadBalance.class,
            config.get(ConfigKeys.JOBCLIENT_SELECT_LOADBALANCE),
            ConfigKeys.JOBCLIENT_SELECT_LOADBALANCE.name());
    FeedbackProcessor feedback = new FeedbackProcessor(handler);
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
    this.batchSender =
        new BatchSender(
            "lts-submit-" + config.identity(), BATCH_SIZE, PARALLEL_BATCHES, this::send);
    this.resender =
        keepFailedSubmits
            ? new FailStoreResender<>(
                "lts-submit-retry-" + config.identity(),
                FailStores.open(config),
                Job.class,
                BATCH_SIZE,
                this::resend,
                () -> master,
                context.events())
            : null;
    context.registry().subscribe(NodeType.JOB_TRACKER, null, jobTrackers);
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
    Optional<Response> refused = JobBatch.refuseInvalid(submitted, config.nodeGroup(), "submitted");
    if (refused.isPresent()) {
      return refused.get();
    }
    List<Job> jobs = withSubmitIds(submitted);
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
    if (!response.isSuccess()
        && (ResponseCode.JOB_TRACKER_NOT_FOUND.equals(response.getCode())
            || ResponseCode.SYSTEM_ERROR.equals(response.getCode()))) {
      return saveForLater(
          response.getFailedJobs(),
          response.getMsg(),
          ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER);
    }
    return response;
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

  /** A batch from the FailStore: taken when a JobTracker accepted it. */
  private boolean resend(List<Job> batch) {
    Response response = send(batch);
    if (response.isSuccess()) {
      return true;
    }
    if (ResponseCode.REQUEST_FIELD_CHECK_ERROR.equals(response.getCode())) {
      log.error(
          "A JobTracker refused {} saved jobs as invalid; they are dropped: {}",
          batch.size(),
          response.getMsg());
      return true;
    }
    return false;
  }

  @Override
  public void masterChanged(boolean isMaster) {
    master = isMaster;
  }

  private Response sendInBatches(List<Job> jobs) {
    return batchSender.send(jobs);
  }

  private Response send(List<Job> batch) {
    try {
      return jobTrackers.invoke(Command.SUBMIT_JOB, new JobSubmitRequest(new ArrayList<>(batch)));
    } catch (JobTrackerNotFoundException e) {
      return Response.failure(ResponseCode.JOB_TRACKER_NOT_FOUND, e.getMessage(), batch);
    } catch (RemotingException e) {
      return Response.failure(ResponseCode.SYSTEM_ERROR, "Submit failed: " + e.getMessage(), batch);
    }
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
    context.registry().unsubscribe(jobTrackers);
    jobTrackers.close();
    batchSender.close();
  }
}
