package com.lts.example.demo;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the demo counts: jobs submitted, runs started by the TaskTrackers, and final results
 * received by the JobClient, with a progress line of rates since the previous line.
 */
final class Progress {

  private long startNanos = System.nanoTime();
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong cronRuns = new AtomicLong();
  private final AtomicLong repeatRuns = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong succeeded = new AtomicLong();
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();

  private long lastNanos = startNanos;
  private long lastSubmitted;
  private long lastCompleted;

  /** Counts time from now on (the first progress line's rates leave the start out). */
  synchronized void begin() {
    startNanos = System.nanoTime();
    lastNanos = startNanos;
  }

  /** One-time jobs were accepted; their results are waited for. */
  void submitted(List<Job> jobs) {
    submitted.addAndGet(jobs.size());
    for (Job job : jobs) {
      if (!job.isCron() && job.getRepeatCount() == 0) {
        waiting.add(job.getTaskId());
      }
    }
  }

  /** A schedule was accepted. */
  void scheduled() {
    submitted.incrementAndGet();
  }

  /** A TaskTracker started a run of {@code job}. */
  void ran(Job job) {
    runs.incrementAndGet();
    if (DemoJobs.CRON_TASK_ID.equals(job.getTaskId())) {
      cronRuns.incrementAndGet();
    } else if (DemoJobs.REPEAT_TASK_ID.equals(job.getTaskId())) {
      repeatRuns.incrementAndGet();
    }
  }

  /** The JobClient received a job's final result. */
  void completed(JobResult result) {
    completed.incrementAndGet();
    if (result.isSuccess()) {
      succeeded.incrementAndGet();
    }
    waiting.remove(result.getJob().getTaskId());
  }

  /** No one-time job waits for its result. */
  boolean oneTimeJobsDone() {
    return waiting.isEmpty();
  }

  long cronRuns() {
    return cronRuns.get();
  }

  long repeatRuns() {
    return repeatRuns.get();
  }

  /** The one-time jobs still waiting for a result. */
  Set<String> waiting() {
    return Set.copyOf(waiting);
  }

  /** A progress line: totals, and per-second rates since the previous line. */
  synchronized String line() {
    long now = System.nanoTime();
    double seconds = Math.max(1e-3, (now - lastNanos) / 1e9);
    long s = submitted.get();
    long c = completed.get();
    String line =
        String.format(
            "== [%4d s] submitted %d (%.1f/s), completed %d (%.1f/s: %d succeeded, %d failed),"
                + " runs %d with retries (cron %d, repeat %d)",
            (now - startNanos) / 1_000_000_000L,
            s,
            (s - lastSubmitted) / seconds,
            c,
            (c - lastCompleted) / seconds,
            succeeded.get(),
            c - succeeded.get(),
            runs.get(),
            cronRuns.get(),
            repeatRuns.get());
    lastNanos = now;
    lastSubmitted = s;
    lastCompleted = c;
    return line;
  }
}
