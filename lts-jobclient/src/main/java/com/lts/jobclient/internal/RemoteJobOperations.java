package com.lts.jobclient.internal;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobRef;
import com.lts.core.domain.OperationResult;
import com.lts.core.domain.OperationStatus;
import com.lts.core.node.JobTrackerNotFoundException;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.jobclient.operations.JobOperations;
import com.lts.remoting.RemotingException;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobOperationRequest;
import com.lts.remoting.internal.command.JobOperationResponse;

/** {@link JobOperations} as commands to one of the cluster's JobTrackers. */
final class RemoteJobOperations implements JobOperations {

  private final JobTrackerConnections jobTrackers;

  RemoteJobOperations(JobTrackerConnections jobTrackers) {
    this.jobTrackers = jobTrackers;
  }

  @Override
  public OperationResult suspend(JobRef job) {
    return send(Command.SUSPEND_JOB, job, null, null);
  }

  @Override
  public OperationResult resume(JobRef job) {
    return send(Command.RESUME_JOB, job, null, null);
  }

  @Override
  public OperationResult triggerNow(JobRef job) {
    return send(Command.TRIGGER_JOB_NOW, job, null, null);
  }

  @Override
  public OperationResult update(JobRef job, Job fields) {
    return update(job, fields, null);
  }

  @Override
  public OperationResult update(JobRef job, Job fields, long expectedVersion) {
    return update(job, fields, Long.valueOf(expectedVersion));
  }

  private OperationResult update(JobRef job, Job fields, Long expectedVersion) {
    if (fields == null) {
      return new OperationResult(
          OperationStatus.INVALID, "job: an update needs the job's new fields", null);
    }
    return send(Command.UPDATE_JOB, job, new Job(fields), expectedVersion);
  }

  @Override
  public OperationResult delete(JobRef job) {
    return send(Command.DELETE_JOB, job, null, null);
  }

  @Override
  public OperationResult terminate(JobRef job) {
    return send(Command.TERMINATE_JOB, job, null, null);
  }

  @Override
  public OperationResult retry(JobRef deadJob) {
    return send(Command.RETRY_DEAD_JOB, deadJob, null, null);
  }

  private OperationResult send(
      Command<JobOperationRequest, JobOperationResponse> command,
      JobRef ref,
      Job fields,
      Long expectedVersion) {
    if (ref == null) {
      return new OperationResult(
          OperationStatus.INVALID, "job: name the job by JobRef.of(taskId, group)", null);
    }
    String problem = ref.problem();
    if (problem != null) {
      return new OperationResult(OperationStatus.INVALID, problem, null);
    }
    JobOperationRequest request =
        new JobOperationRequest(ref.jobId(), ref.taskId(), ref.taskTrackerNodeGroup());
    request.setJob(fields);
    request.setExpectedVersion(expectedVersion);
    try {
      return jobTrackers.invoke(command, request).toResult();
    } catch (JobTrackerNotFoundException e) {
      return new OperationResult(OperationStatus.FAILED, e.getMessage(), null);
    } catch (RemotingException e) {
      return new OperationResult(
          OperationStatus.FAILED,
          command + " of " + ref + " failed, it may or may not have happened: " + e.getMessage(),
          null);
    }
  }
}
