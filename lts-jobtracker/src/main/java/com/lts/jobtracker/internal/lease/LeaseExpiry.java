package com.lts.jobtracker.internal.lease;

import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeEvents;
import com.lts.core.store.ExpiredLease;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobStore;
import com.lts.jobtracker.internal.dispatch.Dispatcher;
import com.lts.jobtracker.internal.log.JobEventLog;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master duty: running jobs whose lease ended (their TaskTracker died, froze or was cut off) go
 * back to executable with their attempt bumped, so the old run's late answers are refused, and are
 * dispatched again. A JobTracker that just became master waits a grace period first: after an
 * outage every lease looks ended, and the TaskTrackers need a moment to reconnect and renew the
 * leases of what they run, or report what finished meanwhile.
 */
public final class LeaseExpiry implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(LeaseExpiry.class);
  private static final int BATCH = 1_000;

  private final JobStore jobs;
  private final Dispatcher dispatcher;
  private final JobEventLog eventLog;

  private final NodeEvents events;
  private final long graceNanos;
  private volatile long graceEndsNanos = System.nanoTime();

  public LeaseExpiry(
      JobStore jobs,
      Dispatcher dispatcher,
      JobEventLog eventLog,
      NodeEvents events,
      Duration grace) {
    this.events = events;
    this.graceNanos = grace.toNanos();
    this.jobs = jobs;
    this.dispatcher = dispatcher;
    this.eventLog = eventLog;
  }

  /** This node became master: no lease ends before the grace period is over. */
  public void masterGained() {
    graceEndsNanos = System.nanoTime() + graceNanos;
    if (graceNanos > 0) {
      log.info(
          "Became master: leases end from {} ms on, once TaskTrackers had time to renew them",
          TimeUnit.NANOSECONDS.toMillis(graceNanos));
    }
  }

  @Override
  public void run() {
    if (System.nanoTime() - graceEndsNanos < 0) {
      return;
    }
    Set<String> groups = new LinkedHashSet<>();
    for (int round = 0; round < 100; round++) {
      List<ExpiredLease> expired = jobs.expireLeases(BATCH);
      for (ExpiredLease lease : expired) {
        groups.add(lease.taskTrackerNodeGroup());
        eventLog.written(
            eventLog.line(
                lease.jobId(),
                lease.taskTrackerNodeGroup(),
                lease.taskId(),
                lease.expiredAttempt(),
                JobLogType.LEASE_EXPIRED,
                lease.taskTrackerIdentity(),
                "lease of attempt " + lease.expiredAttempt() + " ended; the job runs again"));
        events.publish(
            new NodeEvent.LeaseExpired(
                lease.jobId(),
                lease.taskId(),
                lease.taskTrackerNodeGroup(),
                lease.taskTrackerIdentity(),
                lease.expiredAttempt()));
      }
      if (!expired.isEmpty()) {
        log.warn("{} running jobs lost their lease and were re-queued", expired.size());
      }
      if (expired.size() < BATCH) {
        break;
      }
    }
    groups.forEach(dispatcher::dispatchGroup);
  }
}
