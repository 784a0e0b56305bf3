package com.lts.jobtracker.internal.intake;

import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobState;
import com.lts.core.store.JobStore;
import com.lts.core.store.StoredJob;
import com.lts.jobtracker.internal.log.JobEventLog;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.JobCancelRequest;
import java.util.List;
import java.util.Optional;

/**
 * CANCEL_JOB: removes a waiting job, or a schedule with its waiting instances. A running job cannot
 * be cancelled; the answer says so and who runs it.
 */
public final class CancelProcessor implements RequestProcessor<JobCancelRequest, Response> {

  private final JobStore jobs;
  private final JobEventLog eventLog;

  public CancelProcessor(JobStore jobs, JobEventLog eventLog) {
    this.jobs = jobs;
    this.eventLog = eventLog;
  }

  @Override
  public Response process(RemotingChannel channel, JobCancelRequest request) {
    String taskId = request.getTaskId();
    String group = request.getTaskTrackerNodeGroup();
    if (taskId == null || taskId.isBlank() || group == null || group.isBlank()) {
      return Response.failure(
          ResponseCode.REQUEST_FIELD_CHECK_ERROR,
          "cancelJob needs a taskId and a taskTrackerNodeGroup",
          List.of());
    }
    Optional<StoredJob> found = jobs.find(group, taskId);
    if (jobs.cancel(group, taskId)) {
      found.ifPresent(
          job ->
              eventLog.event(
                  job, JobLogType.CANCELLED, null, "cancelled by " + channel.peer().identity()));
      return Response.success(ResponseCode.JOB_CANCEL_SUCCESS, "Cancelled job " + taskId);
    }
    Optional<StoredJob> now = jobs.find(group, taskId);
    if (now.isPresent() && now.get().state() == JobState.EXECUTING) {
      return Response.failure(
          ResponseCode.JOB_CANCEL_FAILED,
          "Job "
              + taskId
              + " is running on "
              + now.get().taskTrackerIdentity()
              + " (attempt "
              + now.get().attempt()
              + ") and cannot be cancelled while it runs",
          List.of());
    }
    return Response.failure(
        ResponseCode.JOB_CANCEL_FAILED,
        "No job with taskId " + taskId + " in group " + group,
        List.of());
  }
}
