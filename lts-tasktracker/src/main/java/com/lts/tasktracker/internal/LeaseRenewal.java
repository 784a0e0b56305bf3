package com.lts.tasktracker.internal;

import com.lts.core.domain.JobMeta;
import com.lts.core.internal.background.Background;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.LeaseRenewRequest;
import com.lts.remoting.internal.command.LeasedJob;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of the jobs this TaskTracker holds — running, waiting for a thread, or finished
 * with a result not yet reported — several times per lease, so they are not handed to another
 * worker meanwhile. Each renewal names exact attempts, and has a deadline of a quarter of the lease
 * per JobTracker: one that does not answer in time (frozen, network stalled) is passed over for
 * another, so one slow JobTracker cannot let a lease run out.
 */
final class LeaseRenewal {

  private static final Logger log = LoggerFactory.getLogger(LeaseRenewal.class);

  private final String identity;
  private final JobTrackerConnections jobTrackers;
  private final JobIntake intake;
  private final RunnerPool pool;
  private final UnreportedResults unreported;
  private final boolean stopWorking;
  private final ScheduledExecutorService scheduler;
  private final Background background;
  private volatile long leaseMillis;
  private volatile long lastRenewedNanos = System.nanoTime();

  /**
   * @param stopWorking tasktracker.stop.working.enable: interrupt jobs whose lease is lost, and
   *     every job once no renewal succeeded for longer than a lease
   */
  LeaseRenewal(
      String identity,
      JobTrackerConnections jobTrackers,
      JobIntake intake,
      RunnerPool pool,
      UnreportedResults unreported,
      boolean stopWorking,
      ScheduledExecutorService scheduler,
      Background background) {
    this.identity = identity;
    this.jobTrackers = jobTrackers;
    this.intake = intake;
    this.pool = pool;
    this.unreported = unreported;
    this.stopWorking = stopWorking;
    this.scheduler = scheduler;
    this.background = background;
  }

  void start(long leaseMillis) {
    this.leaseMillis = leaseMillis;
    long renewMillis = Math.max(100, leaseMillis / 3);
    scheduler.scheduleWithFixedDelay(
        background.guard("Lease renewal", this::renew),
        renewMillis,
        renewMillis,
        TimeUnit.MILLISECONDS);
  }

  private List<JobMeta> held() {
    Map<String, JobMeta> held = new LinkedHashMap<>();
    intake.held().forEach(m -> held.put(m.getJobId() + "#" + m.getAttempt(), m));
    unreported.all().forEach(m -> held.putIfAbsent(m.getJobId() + "#" + m.getAttempt(), m));
    return List.copyOf(held.values());
  }

  private void renew() {
    List<JobMeta> held = held();
    if (held.isEmpty()) {
      lastRenewedNanos = System.nanoTime();
      return;
    }
    List<String> refused;
    try {
      refused = renew(identity, jobTrackers, held, leaseMillis);
    } catch (RuntimeException e) {
      stopWorkingIfCutOff();
      throw e;
    }
    lastRenewedNanos = System.nanoTime();
    List<JobMeta> refusedRuns = held.stream().filter(m -> refused.contains(m.getJobId())).toList();
    unreported.forget(refusedRuns);
    intake.dropWaiting(refusedRuns);
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
          "Lost the lease of {} running jobs ({}); {}",
          lost.size(),
          lost.subList(0, Math.min(10, lost.size())),
          stopWorking
              ? "they are interrupted (tasktracker.stop.working.enable)"
              : "their results will be refused");
      if (stopWorking) {
        lost.forEach(pool::interrupt);
      }
    }
  }

  /**
   * tasktracker.stop.working.enable: cut off from every JobTracker for longer than a lease, this
   * node's jobs have been handed to other TaskTrackers; stop them here rather than run them twice.
   */
  private void stopWorkingIfCutOff() {
    long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastRenewedNanos);
    if (!stopWorking || silentMillis <= leaseMillis) {
      return;
    }
    List<JobMeta> waiting = intake.clearBacklog();
    List<JobMeta> running = pool.runningJobs();
    running.forEach(meta -> pool.interrupt(meta.getJobId()));
    if (!running.isEmpty() || !waiting.isEmpty()) {
      log.warn(
          "No lease renewed for {} ms (lease {} ms): interrupted {} running jobs and dropped {}"
              + " waiting ones; they run again elsewhere (tasktracker.stop.working.enable)",
          silentMillis,
          leaseMillis,
          running.size(),
          waiting.size());
    }
  }

  /**
   * Renews the leases of {@code jobs}, giving each JobTracker a quarter of the lease to answer; the
   * ids of those whose lease is lost.
   */
  static List<String> renew(
      String identity, JobTrackerConnections jobTrackers, List<JobMeta> jobs, long leaseMillis) {
    List<LeasedJob> leased =
        jobs.stream().map(m -> new LeasedJob(m.getJobId(), m.getAttempt())).toList();
    List<String> lost =
        jobTrackers
            .invoke(
                Command.LEASE_RENEW,
                new LeaseRenewRequest(identity, leased),
                Duration.ofMillis(Math.max(100, leaseMillis / 4)))
            .getLostJobIds();
    return lost == null ? List.of() : lost;
  }
}
