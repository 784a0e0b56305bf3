package com.lts.jobclient.internal;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobBatch;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.loadbalance.LoadBalance;
import com.lts.core.node.JobTrackerConnections;
import com.lts.core.node.JobTrackerNotFoundException;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.core.spi.Plugins;
import com.lts.jobclient.JobCompletedHandler;
import com.lts.remoting.RemotingException;
import com.lts.remoting.command.Command;
import com.lts.remoting.command.JobCancelRequest;
import com.lts.remoting.command.JobSubmitRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running part of a JobClient: its JobTracker connections and the submit and cancel calls. */
public final class JobClientRuntime implements RoleRuntime {

  private static final Logger log = LoggerFactory.getLogger(JobClientRuntime.class);

  /** Jobs per SUBMIT_JOB request. */
  static final int BATCH_SIZE = 1_000;

  private final NodeContext context;
  private final NodeConfig config;
  private final JobTrackerConnections jobTrackers;

  public JobClientRuntime(NodeContext context, JobCompletedHandler handler) {
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
            client -> client.registerProcessor(Command.JOB_FEEDBACK, feedback));
    context.registry().subscribe(NodeType.JOB_TRACKER, null, jobTrackers);
    // So that a submit right after start() finds a JobTracker that is up.
    if (!jobTrackers.awaitAny(Duration.ofMillis(config.get(ConfigKeys.CONNECT_TIMEOUT)))) {
      log.warn(
          "JobClient {} started without a reachable JobTracker in cluster '{}'; submits fail until"
              + " one is up",
          config.identity(),
          config.clusterName());
    }
  }

  public Response submit(List<Job> jobs) {
    Optional<Response> refused = JobBatch.refuseInvalid(jobs, config.nodeGroup(), "submitted");
    if (refused.isPresent()) {
      return refused.get();
    }
    return sendInBatches(jobs);
  }

  private Response sendInBatches(List<Job> jobs) {
    List<String> messages = new ArrayList<>();
    for (int from = 0; from < jobs.size(); from += BATCH_SIZE) {
      List<Job> batch = jobs.subList(from, Math.min(jobs.size(), from + BATCH_SIZE));
      Response response = send(batch);
      if (!response.isSuccess()) {
        List<Job> failed = new ArrayList<>(response.getFailedJobs());
        if (failed.isEmpty()) {
          failed.addAll(batch);
        }
        failed.addAll(jobs.subList(from + batch.size(), jobs.size()));
        String done = from == 0 ? "" : " (" + from + " jobs before them were accepted)";
        return Response.failure(response.getCode(), response.getMsg() + done, failed);
      }
      messages.add(response.getMsg());
    }
    return Response.success(
        ResponseCode.JOB_RECEIVE_SUCCESS,
        messages.size() == 1 ? messages.get(0) : jobs.size() + " jobs received");
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
    context.registry().unsubscribe(jobTrackers);
    jobTrackers.close();
  }
}
