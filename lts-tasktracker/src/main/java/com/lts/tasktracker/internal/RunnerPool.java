package com.lts.tasktracker.internal;

import com.lts.core.domain.Action;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TaskTracker's worker threads. It never accepts more jobs than it has free threads, so what it
 * reports as free in a pull is what it can really run; every run ends in exactly one {@link
 * JobRunResult} handed to the result sink.
 */
public final class RunnerPool {

  private static final Logger log = LoggerFactory.getLogger(RunnerPool.class);

  /** The run on this worker thread, for {@link #whenTerminated}. */
  private static final ThreadLocal<Running> CURRENT = new ThreadLocal<>();

  private final int workThreads;
  private final Semaphore free;
  private final ExecutorService executor;
  private final Function<JobMeta, JobRunResult> runner;
  private final Consumer<JobRunResult> resultSink;
  private final Clock clock;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private volatile boolean accepting = true;

  /**
   * @param runner runs one job on the calling worker thread (usually {@link JobRunnerInvoker})
   * @param resultSink receives each result, on the worker thread that produced it
   */
  public RunnerPool(
      String name,
      int workThreads,
      Function<JobMeta, JobRunResult> runner,
      Consumer<JobRunResult> resultSink,
      Clock clock) {
    if (workThreads < 1) {
      throw new IllegalArgumentException("workThreads must be at least 1, got " + workThreads);
    }
    this.workThreads = workThreads;
    this.free = new Semaphore(workThreads);
    this.runner = runner;
    this.resultSink = resultSink;
    this.clock = clock;
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            workThreads,
            workThreads,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            threadFactory(name));
    // Threads made up front, so the first burst of jobs does not wait for hundreds of new threads.
    pool.prestartAllCoreThreads();
    this.executor = pool;
  }

  private static ThreadFactory threadFactory(String name) {
    AtomicInteger seq = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-worker-" + seq.incrementAndGet());
      t.setDaemon(false);
      return t;
    };
  }

  public int workThreads() {
    return workThreads;
  }

  /** Threads not running a job now; 0 once stopping. */
  public int availableThreads() {
    return accepting ? free.availablePermits() : 0;
  }

  /** How many jobs are running now. */
  public int runningCount() {
    return running.size();
  }

  /**
   * Starts {@code meta} on a free thread.
   *
   * @return false when no thread is free or the pool is stopping; the job was not started
   */
  public boolean tryRun(JobMeta meta) {
    if (!accepting || !free.tryAcquire()) {
      return false;
    }
    Running run = new Running(meta);
    if (running.putIfAbsent(meta.getJobId(), run) != null) {
      free.release();
      log.warn(
          "Job {} is already running here; the second dispatch {} is refused",
          meta.getJobId(),
          meta);
      return false;
    }
    try {
      executor.execute(() -> execute(run));
      return true;
    } catch (RuntimeException e) {
      running.remove(meta.getJobId());
      free.release();
      return false;
    }
  }

  private void execute(Running run) {
    run.thread = Thread.currentThread();
    CURRENT.set(run);
    JobRunResult result;
    try {
      result = runner.apply(run.meta);
    } catch (RuntimeException | Error e) { // a runner wrapper failed; still report the job
      long now = clock.millis();
      result =
          new JobRunResult(
              run.meta, Action.EXECUTE_EXCEPTION, JobRunnerInvoker.stackTrace(e), now, now);
    } finally {
      CURRENT.remove();
      run.thread = null;
      Thread.interrupted(); // a terminate must not leak into the next job on this thread
    }
    String terminatedBy = run.terminatedBy;
    if (terminatedBy != null) {
      // Whatever the runner made of the interrupt, an operator stopped this run: not retried.
      result =
          new JobRunResult(
              run.meta,
              Action.EXECUTE_FAILED,
              "Terminated by "
                  + terminatedBy
                  + " (the runner returned "
                  + result.getAction()
                  + (result.getMsg() == null ? "" : ": " + firstLine(result.getMsg()))
                  + ")",
              result.getStartTime(),
              result.getEndTime());
    }
    try {
      resultSink.accept(result);
    } catch (RuntimeException e) {
      log.error("Result of {} could not be handed on: {}", run.meta, e.toString(), e);
    } finally {
      running.remove(run.meta.getJobId());
      free.release();
    }
  }

  /**
   * Called by the runner of the job running on this thread once it exists: {@code onTerminate} runs
   * when an operator terminates this run (an {@code InterruptibleJobRunner}'s {@code interrupt}).
   */
  static void whenTerminated(Runnable onTerminate) {
    Running run = CURRENT.get();
    if (run != null) {
      run.onTerminate = onTerminate;
      if (run.terminatedBy != null) { // terminated before the runner existed
        onTerminate.run();
      }
    }
  }

  /**
   * An operator's terminate: interrupts the run of {@code jobId} at {@code attempt}, and its runner
   * when it is interruptible; the run's result becomes {@code EXECUTE_FAILED}.
   *
   * @return whether that attempt was running here
   */
  public boolean terminate(String jobId, long attempt, String by) {
    Running run = running.get(jobId);
    if (run == null || run.meta.getAttempt() != attempt) {
      return false;
    }
    run.terminatedBy = by == null ? "an operator" : by;
    log.warn("Terminating job {} (attempt {}): {}", jobId, attempt, run.terminatedBy);
    Runnable onTerminate = run.onTerminate;
    if (onTerminate != null) {
      try {
        onTerminate.run();
      } catch (RuntimeException e) {
        log.warn("interrupt() of the runner of job {} threw: {}", jobId, e.toString(), e);
      }
    }
    Thread thread = run.thread;
    if (thread != null) {
      thread.interrupt();
    }
    return true;
  }

  private static String firstLine(String msg) {
    int end = msg.indexOf('\n');
    return end < 0 ? msg : msg.substring(0, end);
  }

  /** Interrupts the thread running {@code jobId}, if any; returns whether one was found. */
  public boolean interrupt(String jobId) {
    Running run = running.get(jobId);
    Thread thread = run == null ? null : run.thread;
    if (thread == null) {
      return false;
    }
    thread.interrupt();
    return true;
  }

  /** Whether some attempt of {@code jobId} runs here now. */
  public boolean isRunning(String jobId) {
    return running.containsKey(jobId);
  }

  /** The dispatches running now. */
  public List<JobMeta> runningJobs() {
    List<JobMeta> jobs = new ArrayList<>();
    running.values().forEach(r -> jobs.add(r.meta));
    return jobs;
  }

  /**
   * Stops taking jobs and waits up to {@code timeoutMillis} for running ones to finish (their
   * results still reach the sink).
   *
   * @return the jobs still running when the time was up; their threads were interrupted
   */
  public List<JobMeta> stop(long timeoutMillis) {
    accepting = false;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS)) {
        List<JobMeta> unfinished = runningJobs();
        executor.shutdownNow();
        return unfinished;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      List<JobMeta> unfinished = runningJobs();
      executor.shutdownNow();
      return unfinished;
    }
    return List.of();
  }

  private static final class Running {
    final JobMeta meta;
    volatile Thread thread;
    volatile String terminatedBy;
    volatile Runnable onTerminate;

    Running(JobMeta meta) {
      this.meta = meta;
    }
  }
}
