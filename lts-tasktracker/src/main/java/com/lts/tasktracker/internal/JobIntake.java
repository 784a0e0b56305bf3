package com.lts.tasktracker.internal;

import com.lts.core.domain.JobMeta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Takes the jobs JobTrackers hand to this TaskTracker: starts them on free threads and keeps at
 * most one pool's worth waiting locally (jobs that arrived from two JobTrackers at once); beyond
 * that it refuses, and the JobTracker releases the job for another worker.
 */
final class JobIntake {

  private final RunnerPool pool;
  private final int backlogLimit;
  private final Deque<JobMeta> backlog = new ArrayDeque<>();

  JobIntake(RunnerPool pool) {
    this.pool = pool;
    this.backlogLimit = pool.workThreads();
  }

  /** Accepts what it can; returns the ids of the jobs it refused. */
  synchronized List<String> accept(List<JobMeta> jobs) {
    List<String> refused = new ArrayList<>();
    for (JobMeta job : jobs) {
      if (!backlog.isEmpty() || !pool.tryRun(job)) {
        if (backlog.size() < backlogLimit) {
          backlog.addLast(job);
        } else {
          refused.add(job.getJobId());
        }
      }
    }
    return refused;
  }

  /** Starts waiting jobs on threads that became free. */
  synchronized void drain() {
    while (!backlog.isEmpty() && pool.tryRun(backlog.peekFirst())) {
      backlog.removeFirst();
    }
  }

  /** Threads free for new jobs, net of the jobs waiting here. */
  synchronized int available() {
    return Math.max(0, pool.availableThreads() - backlog.size());
  }

  /** Jobs this TaskTracker holds a lease for: running and waiting. */
  synchronized List<JobMeta> held() {
    List<JobMeta> held = new ArrayList<>(pool.runningJobs());
    held.addAll(backlog);
    return held;
  }

  /** Drops the waiting jobs (at stop); their leases end and they run elsewhere. */
  synchronized List<JobMeta> clearBacklog() {
    List<JobMeta> dropped = new ArrayList<>(backlog);
    backlog.clear();
    return dropped;
  }
}
