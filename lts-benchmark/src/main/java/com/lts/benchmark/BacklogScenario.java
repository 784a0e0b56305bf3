package com.lts.benchmark;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.domain.Job;
import com.lts.core.domain.Result;
import com.lts.core.store.JobQueue;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.Store;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The drain twice on one JobTracker process: N due jobs with an empty table, then B future jobs
 * (due 1 to 24 hours ahead, far outside the JobTracker's 2 s due-wheel horizon) are stored and N
 * more due jobs are drained past them. The JobTracker runs in a child JVM with {@code -Xmx256m}
 * (DESIGN §12's target as a hard limit); its heap after a full GC is read with the backlog stored.
 * Every due job must run exactly once and no backlog job at all.
 */
final class BacklogScenario implements Scenario {

  static final int MAX_HEAP_MB = 256;
  static final Duration BACKLOG_FROM = Duration.ofHours(1);
  static final Duration BACKLOG_TO = Duration.ofHours(24);
  static final int PROGRESS_EVERY = 100_000;

  /** Least time between storing the second N jobs and their (common) trigger time. */
  static final long MIN_LEAD_MILLIS = 3_000;

  private final BenchmarkOptions options;
  private final PrintStream out;

  BacklogScenario(BenchmarkOptions options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  @Override
  public String name() {
    return "backlog";
  }

  @Override
  public String description() {
    return "drain of "
        + options.jobs()
        + " due jobs with an empty table, then of "
        + options.jobs()
        + " more with "
        + options.backlog()
        + " future jobs (due in 1-24 h) stored; JobTracker in its own JVM, -Xmx"
        + MAX_HEAP_MB
        + "m, heap after a full GC";
  }

  @Override
  public boolean warmsUpItself() {
    return true;
  }

  @Override
  public RoundResult run(BenchDatabase database, Path dir) {
    int n = options.jobs();
    int backlog = options.backlog();
    Duration timeout = Scenario.timeout(options);
    String tag = "  [backlog/" + database.store() + "] ";
    LtsConfig config = shared(database);
    Map<String, Double> figures = new LinkedHashMap<>();
    AtomicReference<ProbeRunner> runner = new AtomicReference<>(new ProbeRunner());
    try (BenchCluster cluster = BenchCluster.withoutJobTracker(dir, options)) {
      long startNanos = System.nanoTime();
      ChildJobTracker jobTracker =
          ChildJobTracker.start(
              dir.resolve("jobtracker"), cluster.jobTrackerProperties(config), MAX_HEAP_MB);
      cluster.onClose(jobTracker::close);
      jobTracker.awaitStarted(timeout);
      out.printf(
          "%sJobTracker process %d started in %.1f s (-Xmx%dm)%n",
          tag, jobTracker.pid(), (System.nanoTime() - startNanos) / 1e9, MAX_HEAP_MB);

      try (Store store = Store.open(config, dir.resolve("bench"), Clock.systemUTC())) {
        // Warm-up: the same drain once, unmeasured, so that phase A does not run on a cold JIT
        // (the JobTracker process is new) while phase B runs on a warm one.
        ProbeRunner warm = runner.get();
        List<String> warmIds = taskIds("warm-", n);
        DrainScenario.insert(store, n, i -> Scenario.job(warmIds.get(i)), timeout, stored -> {});
        cluster.startTaskTrackers(
            new JobRunner() {
              @Override
              public Result run(JobContext context) {
                return runner.get().run(context);
              }
            });
        drain(store, warm, n, null, jobTracker, timeout);
        out.printf("%swarm-up: drained %,d jobs%n", tag, n);

        // Phase A: the drain with an empty table.
        ProbeRunner first = new ProbeRunner();
        runner.set(first);
        List<String> firstIds = taskIds("due-a-", n);
        long firstInsertNanos =
            DrainScenario.insert(
                store, n, i -> Scenario.job(firstIds.get(i)), timeout, stored -> {});
        double empty = drain(store, first, n, null, jobTracker, timeout);
        out.printf("%sdrained %,d jobs, empty table: %s jobs/s%n", tag, n, Table.format(empty));
        figures.put("drain jobs/s, empty table", empty);
        Jvm.Heap emptyHeap = Jvm.usedAfterFullGc(jobTracker.pid(), timeout);

        // The backlog: B future jobs.
        long backlogNanos = insertBacklog(store, backlog, jobTracker, timeout, tag);
        figures.put("backlog insert rows/s", Scenario.perSecond(backlog, backlogNanos));
        String afterBacklog = idAfterAllStoredSoFar();

        // Phase B: the drain past the backlog.
        ProbeRunner second = new ProbeRunner();
        runner.set(second);
        List<String> secondIds = taskIds("due-b-", n);
        long lead = Math.max(MIN_LEAD_MILLIS, 4 * TimeUnit.NANOSECONDS.toMillis(firstInsertNanos));
        long due = System.currentTimeMillis() + lead;
        DrainScenario.insert(
            store, n, i -> futureJob(secondIds.get(i), due), timeout, stored -> {});
        if (System.currentTimeMillis() >= due) {
          throw new IllegalStateException(
              "storing the second " + n + " jobs took longer than their " + lead + " ms lead");
        }
        double withBacklog =
            drain(store, second, n, afterBacklog, jobTracker, timeout.plusMillis(lead));
        out.printf(
            "%sdrained %,d jobs past %,d future ones: %s jobs/s%n",
            tag, n, backlog, Table.format(withBacklog));
        figures.put("drain jobs/s, with backlog", withBacklog);
        figures.put("backlog ÷ empty throughput ratio", withBacklog / empty);

        // Nothing of the backlog ran or went: all B still wait, and nothing else does.
        long waiting =
            store.jobs().countByGroup(JobQueue.EXECUTABLE).getOrDefault(BenchCluster.GROUP, 0L);
        if (waiting != backlog) {
          throw new IllegalStateException(
              "the store should hold the " + backlog + " backlog jobs, it holds " + waiting);
        }
        Jvm.Heap heap = Jvm.usedAfterFullGc(jobTracker.pid(), timeout);
        jobTracker.checkAlive();
        out.printf(
            "%sJobTracker heap after a full GC (%s): %s MB empty table, %s MB with the backlog,"
                + " limit %d MB%n",
            tag,
            heap.method(),
            Table.format(megabytes(emptyHeap)),
            Table.format(megabytes(heap)),
            MAX_HEAP_MB);
        figures.put("JobTracker heap after GC, empty table, MB", megabytes(emptyHeap));
        figures.put("JobTracker heap after GC, MB", megabytes(heap));
        figures.put("JobTracker max heap, MB", (double) MAX_HEAP_MB);
        return new RoundResult(figures, both(first.check(firstIds, n), second.check(secondIds, n)));
      }
    }
  }

  /**
   * The round's store settings for two processes: an H2 file can be open in one process only, so
   * both open it with {@code AUTO_SERVER=TRUE}; the JobTracker, first to open it, holds it and
   * serves this process over loopback TCP. The server databases are used as they are.
   */
  static LtsConfig shared(BenchDatabase database) {
    LtsConfig config = database.config();
    if (!"h2".equals(database.store())) {
      return config;
    }
    return config.toBuilder()
        .set(ConfigKeys.JDBC_URL, config.get(ConfigKeys.JDBC_URL) + ";AUTO_SERVER=TRUE")
        .build();
  }

  private long insertBacklog(
      Store store, int backlog, ChildJobTracker jobTracker, Duration timeout, String tag) {
    long from = System.currentTimeMillis() + BACKLOG_FROM.toMillis();
    long span = BACKLOG_TO.minus(BACKLOG_FROM).toMillis();
    long start = System.nanoTime();
    return DrainScenario.insert(
        store,
        backlog,
        i -> futureJob("backlog-" + i, from + span * i / backlog),
        timeout,
        stored -> {
          if (stored % PROGRESS_EVERY == 0 || stored == backlog) {
            jobTracker.checkAlive();
            out.printf(
                "%s%,d of %,d future jobs stored (%s rows/s)%n",
                tag,
                stored,
                backlog,
                Table.format(Scenario.perSecond(stored, System.nanoTime() - start)));
          }
        });
  }

  /**
   * Waits for the N runs, then until the store holds none of the phase's jobs as executing, nor as
   * executable among the rows with an id after {@code afterId} (null: any); both are indexed
   * queries that never touch the backlog. Jobs per second from the phase's first run on.
   */
  private static double drain(
      Store store,
      ProbeRunner runner,
      int n,
      String afterId,
      ChildJobTracker jobTracker,
      Duration timeout) {
    Waits.until(
        () -> {
          jobTracker.checkAlive();
          return runner.totalRuns() >= n;
        },
        timeout,
        n + " runs");
    Waits.until(
        () -> none(store, JobQueue.EXECUTING, null) && none(store, JobQueue.EXECUTABLE, afterId),
        timeout,
        "the store to hold none of the " + n + " jobs as executable or executing");
    return Scenario.perSecond(n, System.nanoTime() - runner.firstStartNanos());
  }

  private static boolean none(Store store, JobQueue queue, String afterId) {
    QueueQuery query = QueueQuery.of(queue, 1).group(BenchCluster.GROUP).after(afterId);
    return store.jobs().browse(query).items().isEmpty();
  }

  /**
   * A job id greater than every id stored so far and smaller than every id stored from now on: job
   * ids start with their creation time in ms (JobIds), so once the clock has moved past the current
   * millisecond, that millisecond followed by the largest suffix.
   */
  private static String idAfterAllStoredSoFar() {
    long now = System.currentTimeMillis();
    Waits.until(() -> System.currentTimeMillis() > now, Duration.ofSeconds(1), "the clock");
    return String.format("%012x", now & 0xFFFF_FFFF_FFFFL) + "f".repeat(20);
  }

  private static Job futureJob(String taskId, long triggerTime) {
    Job job = Scenario.job(taskId);
    job.setTriggerTime(triggerTime);
    return job;
  }

  private static List<String> taskIds(String prefix, int n) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(prefix + i);
    }
    return ids;
  }

  private static double megabytes(Jvm.Heap heap) {
    return heap.usedBytes() / (1024.0 * 1024.0);
  }

  /** Both phases' checks as one; a run of a backlog job counts in the totals, so it fails it. */
  private static RunCheck both(RunCheck a, RunCheck b) {
    return new RunCheck(
        a.expected() + b.expected(),
        a.exactlyOnce() + b.exactlyOnce(),
        a.missing() + b.missing(),
        a.repeated() + b.repeated(),
        a.total() + b.total());
  }
}
