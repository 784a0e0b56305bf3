package com.lts.example.demo;

import com.lts.core.LtsException;
import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The local demo: a whole cluster in one process — an embedded ZooKeeper, a JobTracker on the
 * embedded H2 store, TaskTrackers of two node groups, a JobClient and LTS Admin. It submits
 * real-time, delayed, cron and repeat jobs (some fail, some are retried, all write to their job
 * log), prints Admin's address and password and a progress line every few seconds, and runs until
 * Ctrl-C. {@code --once} submits one round, waits for it and exits.
 *
 * <pre>java -jar lts-example/target/lts-demo.jar [--once] [--data DIR] [--admin-port PORT]</pre>
 */
public final class LocalDemo {

  static final String USAGE =
      "Usage: java -jar lts-demo.jar [--once] [--data DIR] [--admin-port PORT]\n"
          + "  --once             submit one round of jobs, wait for their results and exit\n"
          + "                     (exit code 0 when every job of the round ended)\n"
          + "  --data DIR         where ZooKeeper, the H2 store and the nodes keep their files\n"
          + "                     (default: a new temporary folder)\n"
          + "  --admin-port PORT  LTS Admin's HTTP port on 127.0.0.1 (default 8080; 0: any free\n"
          + "                     port; a free one is taken when 8080 is in use)\n";

  /** Seconds between two rounds of one-time jobs while running until Ctrl-C. */
  private static final long ROUND_SECONDS = 2;

  /** How long {@code --once} waits for the round's results. */
  private static final long ONCE_TIMEOUT_SECONDS = 60;

  private final boolean once;
  private final Path data;
  private final int adminPort;
  private final PrintStream out;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private LocalDemo(boolean once, Path data, int adminPort, PrintStream out) {
    this.once = once;
    this.data = data;
    this.adminPort = adminPort;
    this.out = out;
  }

  public static void main(String[] args) {
    LocalDemo demo;
    try {
      demo = parse(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    if (demo == null) {
      System.out.print(USAGE);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(demo::requestStop, "lts-demo-shutdown"));
    int code = demo.run();
    if (demo.once || code != 0) {
      System.exit(code);
    }
  }

  /** The demo {@code args} ask for, or null for {@code --help}. */
  static LocalDemo parse(String[] args, PrintStream out) {
    boolean once = false;
    Path data = null;
    int adminPort = 8080;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--once" -> once = true;
        case "--data" -> data = Path.of(value(args, ++i, "--data"));
        case "--admin-port" -> {
          String port = value(args, ++i, "--admin-port");
          try {
            adminPort = Integer.parseInt(port);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--admin-port needs a number, not '" + port + "'");
          }
        }
        case "--help", "-h" -> {
          return null;
        }
        default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'");
      }
    }
    if (data == null) {
      try {
        data = Files.createTempDirectory("lts-demo");
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot make a folder for the demo's data", e);
      }
    }
    return new LocalDemo(once, data, adminPort, out);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  /** Runs the demo (until {@link #requestStop()}, or one round with --once); the exit code. */
  int run() {
    Progress progress = new Progress();
    out.println("== Starting the local demo cluster, data in " + data);
    DemoCluster cluster;
    try {
      cluster = DemoCluster.start(data, adminPort, progress);
    } catch (LtsException e) {
      out.println("== The demo did not start: " + e.getMessage());
      stopped.countDown();
      return 1;
    }
    try {
      progress.begin();
      banner(cluster);
      boolean ok = once ? runOnce(cluster, progress) : runUntilStopped(cluster, progress);
      out.println(progress.line());
      return ok ? 0 : 1;
    } finally {
      out.println("== Stopping the demo cluster ...");
      cluster.close();
      out.println("== Stopped.");
      stopped.countDown();
    }
  }

  private void banner(DemoCluster cluster) {
    out.println("== Registry   " + cluster.registryAddress() + " (embedded ZooKeeper)");
    out.println("== Store      H2 file " + data.resolve(".lts/h2/lts-job-store.mv.db"));
    out.println(
        "== Nodes      a JobTracker, TaskTrackers "
            + DemoJobs.SHOP_GROUP
            + " and "
            + DemoJobs.REPORT_GROUP
            + ", JobClient "
            + DemoJobs.CLIENT_GROUP);
    out.println("== LTS Admin  " + cluster.adminUrl() + cluster.adminNote());
    if (cluster.adminPassword() != null) {
      out.println(
          "== Log in as  admin / "
              + cluster.adminPassword()
              + "   (generated for this data folder, shown only now)");
    } else {
      out.println(
          "== Log in as  admin with the password printed when this data folder was new"
              + " (delete "
              + data.resolve(".lts/admin/admin-users.properties")
              + " for a new one)");
    }
    out.println(
        once
            ? "== Submitting one round of jobs and waiting for their results"
            : "== Submitting jobs every "
                + ROUND_SECONDS
                + " s; watch them in Admin (Queues, a job's log). Ctrl-C stops everything.");
  }

  private boolean runOnce(DemoCluster cluster, Progress progress) {
    schedule(cluster, progress, DemoJobs.cron(1), DemoJobs.repeat(2, 1_000));
    if (!submitRound(cluster, progress, 1)) {
      return false;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ONCE_TIMEOUT_SECONDS);
    int polls = 0;
    while (!(progress.oneTimeJobsDone()
        && progress.cronRuns() >= 1
        && progress.repeatRuns() >= 2)) {
      if (System.nanoTime() > deadline || awaitStop(1)) {
        out.println(
            "== Not finished: still waiting for "
                + progress.waiting()
                + ", cron runs "
                + progress.cronRuns()
                + ", repeat runs "
                + progress.repeatRuns());
        return false;
      }
      if (++polls % 2 == 0) {
        out.println(progress.line());
      }
    }
    out.println("== One round done: every job of the round ended, the cron and repeat jobs ran.");
    return true;
  }

  private boolean runUntilStopped(DemoCluster cluster, Progress progress) {
    schedule(cluster, progress, DemoJobs.cron(5), DemoJobs.repeat(-1, 4_000));
    long lastLine = System.nanoTime();
    for (int round = 1; !awaitStop(0); round++) {
      submitRound(cluster, progress, round);
      if (awaitStop(ROUND_SECONDS)) {
        break;
      }
      if (System.nanoTime() - lastLine >= TimeUnit.SECONDS.toNanos(5)) {
        out.println(progress.line());
        lastLine = System.nanoTime();
      }
    }
    return true;
  }

  private void schedule(DemoCluster cluster, Progress progress, Job cron, Job repeat) {
    for (Job job : List.of(cron, repeat)) {
      Response response = cluster.jobClient().submitJob(job);
      out.println(
          "== Scheduled "
              + job.getTaskId()
              + (job.isCron()
                  ? " (cron '" + job.getCronExpression() + "')"
                  : " (repeat " + job.getRepeatCount() + " × " + job.getRepeatInterval() + " ms)")
              + ": "
              + response);
      if (response.isSuccess()) {
        progress.scheduled();
      }
    }
  }

  private boolean submitRound(DemoCluster cluster, Progress progress, int round) {
    // --once keeps the wait short; a running demo leaves time to find the delayed job in Admin.
    List<Job> jobs = DemoJobs.round(round, System.currentTimeMillis(), once ? 1_000 : 3_000);
    Response response = cluster.jobClient().submitJob(jobs);
    if (!response.isSuccess()) {
      out.println("== Round " + round + " was not accepted: " + response);
      return false;
    }
    progress.submitted(jobs);
    if (round == 1) {
      out.println("== Round 1: " + jobs.size() + " jobs (" + response + ")");
    }
    return true;
  }

  /** Waits up to {@code seconds} for a stop request; true when one came. */
  private boolean awaitStop(long seconds) {
    try {
      return stopRequested.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  /** Asks the demo to stop (Ctrl-C) and waits, up to 30 s, until every node has stopped. */
  void requestStop() {
    stopRequested.countDown();
    try {
      stopped.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
