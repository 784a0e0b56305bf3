package com.lts.tasktracker.internal;

import com.lts.core.domain.JobMeta;
import com.lts.core.internal.background.Background;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.LeaseRenewRequest;
import com.lts.remoting.internal.command.LeasedJob;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of the jobs this TaskTracker holds (running or waiting for a thread) several
 * times per lease, so they are not handed to another worker while they run here.
 */
final class LeaseRenewal {

  private static final Logger log = LoggerFactory.getLogger(LeaseRenewal.class);

  private final String identity;
  private final JobTrackerConnections jobTrackers;
  private final JobIntake intake;
  private final ScheduledExecutorService scheduler;
  private final Background background;

  LeaseRenewal(
      String identity,
      JobTrackerConnections jobTrackers,
      JobIntake intake,
      ScheduledExecutorService scheduler,
      Background background) {
    this.identity = identity;
    this.jobTrackers = jobTrackers;
    this.intake = intake;
    this.scheduler = scheduler;
    this.background = background;
  }

  void start(long leaseMillis) {
    long renewMillis = Math.max(100, leaseMillis / 3);
    scheduler.scheduleWithFixedDelay(
        background.guard("Lease renewal", this::renew),
        renewMillis,
        renewMillis,
        TimeUnit.MILLISECONDS);
  }

  private void renew() {
    List<JobMeta> held = intake.held();
    if (held.isEmpty()) {
      return;
    }
    List<String> refused = renew(identity, jobTrackers, held);
    // A job that finished while the renewal was on its way is refused too; only jobs still held
    // here have really lost their lease.
    Set<String> stillHeld = new HashSet<>();
    intake.held().forEach(m -> stillHeld.add(m.getJobId() + "#" + m.getAttempt()));
    List<String> lost =
        held.stream()
            .filter(m -> refused.contains(m.getJobId()))
            .filter(m -> stillHeld.contains(m.getJobId() + "#" + m.getAttempt()))
            .map(JobMeta::getJobId)
            .toList();
    if (!lost.isEmpty()) {
      log.warn(
          "Lost the lease of {} running jobs ({}); their results will be refused",
          lost.size(),
          lost.subList(0, Math.min(10, lost.size())));
    }
  }

  /** Renews the leases of {@code jobs}; the ids of those whose lease is lost. */
  static List<String> renew(
      String identity, JobTrackerConnections jobTrackers, List<JobMeta> jobs) {
    List<LeasedJob> leased =
        jobs.stream().map(m -> new LeasedJob(m.getJobId(), m.getAttempt())).toList();
    List<String> lost =
        jobTrackers
            .invoke(Command.LEASE_RENEW, new LeaseRenewRequest(identity, leased))
            .getLostJobIds();
    return lost == null ? List.of() : lost;
  }
}
