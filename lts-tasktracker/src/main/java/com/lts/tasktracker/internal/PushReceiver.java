package com.lts.tasktracker.internal;

import com.lts.core.LtsException;
import com.lts.core.domain.JobMeta;
import com.lts.core.internal.background.Background;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.JobPushRequest;
import com.lts.remoting.internal.command.JobPushResponse;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PUSH_JOB: takes pushed jobs. After a pause of this JVM a push may have waited in the socket while
 * its jobs were handed to another worker; then their leases are confirmed (one renewal for the
 * batch) and only jobs whose attempt is still current start.
 */
final class PushReceiver implements RequestProcessor<JobPushRequest, JobPushResponse> {

  private static final Logger log = LoggerFactory.getLogger(PushReceiver.class);

  private final String identity;
  private final JobTrackerConnections jobTrackers;
  private final JobIntake intake;
  private final PauseDetector pauses;
  private final long leaseMillis;
  private final Background background;

  PushReceiver(
      String identity,
      JobTrackerConnections jobTrackers,
      JobIntake intake,
      PauseDetector pauses,
      long leaseMillis,
      Background background) {
    this.identity = identity;
    this.jobTrackers = jobTrackers;
    this.intake = intake;
    this.pauses = pauses;
    this.leaseMillis = leaseMillis;
    this.background = background;
  }

  @Override
  public JobPushResponse process(RemotingChannel channel, JobPushRequest request) {
    return new JobPushResponse(accept(request.getJobMetas()));
  }

  /** The ids of the jobs not taken. */
  private List<String> accept(List<JobMeta> jobs) {
    if (jobs == null || jobs.isEmpty()) {
      return List.of();
    }
    if (!pauses.suspect(leaseMillis)) {
      return intake.accept(jobs);
    }
    List<String> stale;
    try {
      stale = LeaseRenewal.renew(identity, jobTrackers, jobs, leaseMillis);
    } catch (RuntimeException e) {
      background.failed(
          "Confirming pushed jobs after a pause",
          new LtsException(
              "Could not confirm " + jobs.size() + " pushed jobs after a pause; refusing them", e));
      return jobs.stream().map(JobMeta::getJobId).toList();
    }
    List<String> refused = new ArrayList<>(stale);
    if (!refused.isEmpty()) {
      log.warn(
          "{} pushed jobs went stale during a pause of this JVM and are not run", refused.size());
    }
    refused.addAll(
        intake.accept(jobs.stream().filter(m -> !refused.contains(m.getJobId())).toList()));
    return refused;
  }
}
