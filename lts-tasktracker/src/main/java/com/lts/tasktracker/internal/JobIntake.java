package com.lts.tasktracker.internal;

import com.lts.core.domain.JobMeta;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the jobs JobTrackers hand to this TaskTracker: starts them on free threads and keeps at
 * most one pool's worth waiting locally (jobs that arrived from two JobTrackers at once); beyond
 * that it refuses, and the JobTracker releases the job for another worker.
 */
final class JobIntake {

  private static final Logger log = LoggerFactory.getLogger(JobIntake.class);

  private final RunnerPool pool;
  private final int backlogLimit;
  private final Deque<JobMeta> backlog = new ArrayDeque<>();

  JobIntake(RunnerPool pool) {
    this.pool = pool;
    this.backlogLimit = pool.workThreads();
  }

  /**
   * Accepts what it can; returns the ids of the jobs it refused. A job that runs or waits here
   * already, under any attempt, is refused at once: it could not start while the other is here, and
   * its lease would be held by nothing that runs it.
   */
  synchronized List<String> accept(List<JobMeta> jobs) {
    List<String> refused = new ArrayList<>();
    for (JobMeta job : jobs) {
      if (holds(job.getJobId())) {
        log.warn("Job {} is already here; the dispatch {} is refused", job.getJobId(), job);
        refused.add(job.getJobId());
        continue;
      }
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

  private boolean holds(String jobId) {
    return pool.isRunning(jobId) || backlog.stream().anyMatch(m -> m.getJobId().equals(jobId));
  }

  /** Drops waiting jobs whose lease was lost: their attempt may no longer run. */
  synchronized void dropWaiting(Collection<JobMeta> lost) {
    backlog.removeIf(
        waiting ->
            lost.stream()
                .anyMatch(
                    m ->
                        m.getJobId().equals(waiting.getJobId())
                            && m.getAttempt() == waiting.getAttempt()));
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
