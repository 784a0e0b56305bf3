package com.lts.jobtracker.internal.dispatch;

import com.lts.core.LtsException;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.store.AttemptOutcome;
import com.lts.core.store.AttemptRef;
import com.lts.core.store.ClaimingSubmit;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobStore;
import com.lts.core.store.Release;
import com.lts.core.store.StoredJob;
import com.lts.jobtracker.internal.log.JobEventLog;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobPushRequest;
import com.lts.remoting.internal.command.JobPushResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due jobs for TaskTrackers with free threads and pushes them over their connections. A
 * claim gives each job a new attempt and a lease; a job the TaskTracker refuses, or that cannot be
 * sent, is released at once so it can go elsewhere; one whose release fails is recovered when its
 * lease ends.
 */
public final class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final String CLAIM_TASK = "Claim";

  private final JobStore jobs;
  private final TaskTrackerDirectory directory;
  private final JobEventLog eventLog;
  private final Duration lease;
  private final int maxPerPush;
  private final Executor executor;
  private final Background background;
  private final NodeMetrics metrics;

  public Dispatcher(
      JobStore jobs,
      TaskTrackerDirectory directory,
      JobEventLog eventLog,
      Duration lease,
      int maxPerPush,
      Executor executor,
      NodeEvents events,
      NodeMetrics metrics) {
    this.metrics = metrics;
    this.background = new Background(events, Dispatcher.class);
    this.jobs = jobs;
    this.directory = directory;
    this.eventLog = eventLog;
    this.lease = lease;
    this.maxPerPush = maxPerPush;
    this.executor = executor;
  }

  /** Fills the free threads of every connected TaskTracker of {@code group}, in the background. */
  public void dispatchGroup(String group) {
    for (TaskTrackerSlot slot : directory.inGroup(group)) {
      if (slot.available() > 0) {
        dispatch(slot);
      }
    }
  }

  /** Fills the free threads of one TaskTracker, in the background. */
  public void dispatch(TaskTrackerSlot slot) {
    slot.wantRound();
    try {
      executor.execute(background.guard("Dispatch", () -> run(slot)));
    } catch (RejectedExecutionException e) {
      log.debug("Dispatch executor is shut down; {} waits for its next pull", slot);
    }
  }

  private void run(TaskTrackerSlot slot) {
    while (slot.isRoundWanted() && slot.tryBeginDispatch()) {
      try {
        while (slot.takeRoundRequest()) {
          pushWhileFree(slot);
        }
      } finally {
        slot.endDispatch();
      }
    }
  }

  private void pushWhileFree(TaskTrackerSlot slot) {
    while (slot.channel().isActive()) {
      List<StoredJob> claimed = claim(slot, maxPerPush);
      if (claimed.isEmpty()) {
        return;
      }
      push(slot, claimed);
      if (claimed.size() < maxPerPush) {
        return;
      }
    }
  }

  /**
   * Stores submitted jobs. When a TaskTracker of {@code group} is idle, the batch's due one-time
   * jobs of that group ({@code due} of them, as many as it has free threads) are stored already
   * claimed for it in the same write and pushed at once (see {@link JobStore#submitAndClaim}): one
   * commit before the push instead of a submit's and a claim's. Otherwise a plain submit.
   *
   * @return the store's answer; {@code claimed} holds the jobs pushed
   */
  public ClaimingSubmit submit(List<Job> submitted, String group, int due) {
    Optional<Reservation> reserved = due > 0 ? reserveIdle(group, due) : Optional.empty();
    if (reserved.isEmpty()) {
      return new ClaimingSubmit(jobs.submit(submitted), List.of());
    }
    Reservation reservation = reserved.get();
    ClaimingSubmit outcome;
    try {
      outcome =
          jobs.submitAndClaim(
              submitted, group, reservation.slot().identity(), reservation.threads(), lease);
    } catch (RuntimeException e) {
      cancel(reservation);
      throw e;
    }
    deliver(reservation, outcome.claimed());
    return outcome;
  }

  /**
   * Free threads of an idle TaskTracker of {@code group}: up to {@code wanted} of them, or empty
   * when none is idle. Idle means free threads and no dispatch round running or asked for, so (as
   * far as this JobTracker knows) no due job of the group waits to be claimed and jobs claimed at
   * their submit jump no queue.
   */
  private Optional<Reservation> reserveIdle(String group, int wanted) {
    for (TaskTrackerSlot slot : directory.inGroup(group)) {
      if (slot.available() > 0 && slot.isIdle() && slot.channel().isActive()) {
        int threads = slot.take(wanted);
        if (threads > 0) {
          return Optional.of(new Reservation(slot, threads));
        }
      }
    }
    return Optional.empty();
  }

  /** Threads of one TaskTracker taken for the jobs a submit claims for it. */
  private record Reservation(TaskTrackerSlot slot, int threads) {}

  private static void cancel(Reservation reservation) {
    reservation.slot().giveBack(reservation.threads());
  }

  /** Pushes the jobs claimed at their submit; threads they did not use are given back. */
  private void deliver(Reservation reservation, List<StoredJob> claimed) {
    TaskTrackerSlot slot = reservation.slot();
    if (claimed.size() < reservation.threads()) {
      slot.giveBack(reservation.threads() - claimed.size());
    }
    if (claimed.isEmpty()) {
      return;
    }
    // The caller writes their DISPATCHED lines after their RECEIVED lines.
    metrics.count(MetricNames.JOBS_DISPATCHED, claimed.size(), MetricNames.TAG_GROUP, slot.group());
    metrics.count(
        MetricNames.JOBS_DISPATCHED_AT_SUBMIT, claimed.size(), MetricNames.TAG_GROUP, slot.group());
    push(slot, claimed);
  }

  /**
   * Claims up to {@code max} jobs for {@code slot} now, within its free threads (used to hand jobs
   * back in a completion reply). The caller delivers them.
   */
  public List<StoredJob> claim(TaskTrackerSlot slot, int max) {
    int threads = slot.take(max);
    if (threads == 0) {
      return List.of();
    }
    List<StoredJob> claimed;
    long started = System.nanoTime();
    try {
      claimed = jobs.claim(slot.group(), slot.identity(), threads, lease);
      metrics.time(MetricNames.STORE_CLAIM, System.nanoTime() - started);
    } catch (RuntimeException e) {
      slot.giveBack(threads);
      background.failed(
          CLAIM_TASK,
          new LtsException(
              "Claiming jobs of group " + slot.group() + " for " + slot.identity(), e));
      return List.of();
    }
    background.succeeded(CLAIM_TASK);
    if (claimed.size() < threads) {
      slot.giveBack(threads - claimed.size());
    }
    metrics.count(MetricNames.JOBS_DISPATCHED, claimed.size(), MetricNames.TAG_GROUP, slot.group());
    for (StoredJob job : claimed) {
      eventLog.written(job, JobLogType.DISPATCHED, slot.identity(), "attempt " + job.attempt());
    }
    return claimed;
  }

  private void push(TaskTrackerSlot slot, List<StoredJob> claimed) {
    if (!slot.channel().isActive()) {
      slot.report(0);
      release(slot, claimed, "the TaskTracker's connection closed before the push");
      return;
    }
    List<JobMeta> metas = new ArrayList<>(claimed.size());
    claimed.forEach(job -> metas.add(job.toJobMeta()));
    slot.channel()
        // A TaskTracker that cannot take a push within a lease (frozen, cut off) is sent nothing
        // more until it reports again.
        .invokeAsync(Command.PUSH_JOB, new JobPushRequest(metas), lease)
        .whenComplete(
            (response, failure) -> {
              if (failure == null) {
                refused(slot, claimed, response);
                return;
              }
              slot.report(0);
              // The push may have arrived (the connection can close, or the answer be late, after
              // the TaskTracker took the jobs). Releasing now could run them twice; the leases
              // decide instead: renewed if the TaskTracker runs them, else they run again.
              background.failed(
                  "Push",
                  new LtsException(
                      "Pushing "
                          + claimed.size()
                          + " jobs to "
                          + slot.identity()
                          + " did not complete; they run again if their leases end",
                      failure));
            });
  }

  private void refused(TaskTrackerSlot slot, List<StoredJob> claimed, JobPushResponse response) {
    List<String> failedIds = response == null ? null : response.getFailedJobIds();
    if (failedIds == null || failedIds.isEmpty()) {
      return;
    }
    Set<String> failed = new HashSet<>(failedIds);
    List<StoredJob> back = claimed.stream().filter(j -> failed.contains(j.jobId())).toList();
    slot.report(0); // it is full; its next pull or completion says how many it can take
    release(slot, back, "refused by the TaskTracker (no free thread, or the job is already there)");
  }

  /** Puts claimed jobs back to executable (same trigger time, no retry counted). */
  public void release(TaskTrackerSlot slot, List<StoredJob> claimed, String reason) {
    if (claimed.isEmpty()) {
      return;
    }
    try {
      List<Release> releases = new ArrayList<>(claimed.size());
      for (StoredJob job : claimed) {
        releases.add(
            new Release(
                job.attemptRef(),
                eventLog.line(
                    job.jobId(),
                    job.taskTrackerNodeGroup(),
                    job.taskId(),
                    job.attempt(),
                    JobLogType.RETRIED,
                    slot.identity(),
                    "released: " + reason)));
      }
      AttemptOutcome outcome = jobs.releaseAll(releases);
      Set<AttemptRef> accepted = new HashSet<>(outcome.accepted());
      for (Release release : releases) {
        if (accepted.contains(release.run())) {
          eventLog.written(release.log());
        }
      }
      dispatchGroup(slot.group());
    } catch (RuntimeException e) {
      background.failed(
          "Release",
          new LtsException(
              "Releasing "
                  + claimed.size()
                  + " jobs of "
                  + slot.identity()
                  + "; they run again when their lease ends",
              e));
    }
  }
}
