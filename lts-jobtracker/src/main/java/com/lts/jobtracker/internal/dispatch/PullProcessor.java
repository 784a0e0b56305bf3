package com.lts.jobtracker.internal.dispatch;

import com.lts.core.cluster.NodeType;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.Ack;
import com.lts.remoting.internal.command.JobPullRequest;

/** JOB_PULL: a TaskTracker says how many threads it has free; this JobTracker fills them. */
public final class PullProcessor implements RequestProcessor<JobPullRequest, Ack> {

  private final TaskTrackerDirectory directory;
  private final Dispatcher dispatcher;

  public PullProcessor(TaskTrackerDirectory directory, Dispatcher dispatcher) {
    this.directory = directory;
    this.dispatcher = dispatcher;
  }

  @Override
  public Ack process(RemotingChannel channel, JobPullRequest request) {
    if (channel.peer().nodeType() != NodeType.TASK_TRACKER) {
      throw new IllegalArgumentException(
          "JOB_PULL comes from TaskTrackers, not " + channel.peer().nodeType());
    }
    TaskTrackerSlot slot = directory.report(channel, request.getAvailableThreads());
    if (slot.available() > 0) {
      dispatcher.dispatch(slot);
    }
    return new Ack();
  }
}
