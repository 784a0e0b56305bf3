package com.lts.tasktracker.internal;

import com.lts.core.LtsException;
import com.lts.core.internal.background.Background;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobPullRequest;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells JobTrackers, every pull period and as soon as one is connected, how many threads are free;
 * they answer by pushing jobs.
 */
final class PullLoop {

  private static final String TASK = "Pull";
  private static final String REQUEST_TASK = "Pull request";

  private final String identity;
  private final String group;
  private final int workThreads;
  private final JobTrackerConnections jobTrackers;
  private final JobIntake intake;
  private final ScheduledExecutorService scheduler;
  private final Background background;

  PullLoop(
      String identity,
      String group,
      int workThreads,
      JobTrackerConnections jobTrackers,
      JobIntake intake,
      ScheduledExecutorService scheduler,
      Background background) {
    this.identity = identity;
    this.group = group;
    this.workThreads = workThreads;
    this.jobTrackers = jobTrackers;
    this.intake = intake;
    this.scheduler = scheduler;
    this.background = background;
  }

  void start(long periodMillis) {
    scheduler.scheduleWithFixedDelay(
        background.guard(TASK, this::pullRound), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Tells a JobTracker we can take work as soon as we are connected, not a pull later. */
  void connected(RemotingChannel channel) {
    scheduler.execute(background.guard(TASK, () -> pull(List.of(channel))));
  }

  private void pullRound() {
    List<RemotingChannel> channels = jobTrackers.connected();
    // Fully idle: let every JobTracker know, so any of them can start a new job here at once.
    // Partly busy: one JobTracker is enough; completions ask for more in the meantime.
    pull(
        intake.available() == workThreads || channels.size() <= 1
            ? channels
            : List.of(channels.get((int) (System.nanoTime() % channels.size()))));
  }

  private void pull(List<RemotingChannel> channels) {
    int available = intake.available();
    if (available == 0) {
      return;
    }
    JobPullRequest request = new JobPullRequest(identity, group, available);
    for (RemotingChannel channel : channels) {
      channel
          .invokeAsync(Command.JOB_PULL, request)
          .whenComplete(
              (ack, failure) -> {
                if (failure == null) {
                  background.succeeded(REQUEST_TASK);
                } else {
                  background.failed(
                      REQUEST_TASK,
                      new LtsException("Pull from " + channel.remoteAddress(), failure));
                }
              });
    }
  }
}
