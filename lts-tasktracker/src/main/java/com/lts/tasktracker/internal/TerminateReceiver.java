package com.lts.tasktracker.internal;

import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.JobTerminateRequest;
import com.lts.remoting.internal.command.JobTerminateResponse;

/** TERMINATE_RUN: a JobTracker passes on an operator's terminate of a run in progress here. */
final class TerminateReceiver
    implements RequestProcessor<JobTerminateRequest, JobTerminateResponse> {

  private final RunnerPool pool;

  TerminateReceiver(RunnerPool pool) {
    this.pool = pool;
  }

  @Override
  public JobTerminateResponse process(RemotingChannel channel, JobTerminateRequest request) {
    if (request.getJobId() == null) {
      return new JobTerminateResponse(false);
    }
    String by =
        (request.getBy() == null ? "an operator" : request.getBy())
            + " (via JobTracker "
            + channel.peer().identity()
            + ")";
    return new JobTerminateResponse(pool.terminate(request.getJobId(), request.getAttempt(), by));
  }
}
