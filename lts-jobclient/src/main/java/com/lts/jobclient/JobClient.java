package com.lts.jobclient;

import com.lts.core.cluster.NodeType;
import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.node.AbstractNode;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.jobclient.internal.JobClientRuntime;
import com.lts.jobclient.operations.JobOperations;
import java.util.List;

/**
 * Submits jobs to the JobTrackers of its cluster and receives their results.
 *
 * <pre>{@code
 * JobClient jobClient = new JobClient();
 * jobClient.setNodeGroup("test_jobClient");
 * jobClient.setRegistryAddress("zookeeper://127.0.0.1:2181");
 * jobClient.start();
 * Response response = jobClient.submitJob(job);
 * }</pre>
 *
 * Every call returns a {@link Response} and never throws for a failure it can describe: an invalid
 * job ({@code REQUEST_FIELD_CHECK_ERROR}, every problem named, nothing sent), no reachable
 * JobTracker ({@code JOB_TRACKER_NOT_FOUND}), more submit calls per second than {@code
 * job.submit.maxQPS} allows ({@code SUBMIT_TOO_BUSY}, nothing sent), a refusal by the JobTracker.
 * Failed jobs are in {@link Response#getFailedJobs()}.
 */
public class JobClient extends AbstractNode {

  private JobCompletedHandler jobCompletedHandler;
  private final boolean keepFailedSubmits;

  public JobClient() {
    this(false);
  }

  /** For {@link RetryJobClient}. */
  JobClient(boolean keepFailedSubmits) {
    super(NodeType.JOB_CLIENT);
    this.keepFailedSubmits = keepFailedSubmits;
  }

  /** This client's group; results of jobs it submits with needFeedback come back to this group. */
  public void setNodeGroup(String nodeGroup) {
    setNodeGroupInternal(nodeGroup);
  }

  public void setJobCompletedHandler(JobCompletedHandler jobCompletedHandler) {
    this.jobCompletedHandler = jobCompletedHandler;
  }

  @Override
  protected RoleRuntime startRole(NodeContext context) {
    JobCompletedHandler handler = jobCompletedHandler;
    return new JobClientRuntime(
        context, handler == null ? null : handler::onComplete, keepFailedSubmits);
  }

  public Response submitJob(Job job) {
    return submitJob(job == null ? null : List.of(job));
  }

  /** Submits many jobs, sent in batches; idempotent per (taskTrackerNodeGroup, taskId). */
  public Response submitJob(List<Job> jobs) {
    return runtime().submit(jobs);
  }

  /** Cancels a job that is not running, or a schedule with its waiting instances. */
  public Response cancelJob(String taskId, String taskTrackerNodeGroup) {
    return runtime().cancel(taskId, taskTrackerNodeGroup);
  }

  /**
   * Suspend, resume, trigger now, update and delete jobs already submitted, through a JobTracker of
   * this client's cluster.
   *
   * @throws IllegalStateException when the client is not started
   */
  public JobOperations jobOperations() {
    return runtime().operations();
  }

  JobClientRuntime runtime() {
    return (JobClientRuntime) role();
  }
}
