package com.lts.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark run measures and how big it is, parsed from the command line.
 *
 * @param stores stores to measure, in order: {@code h2}, {@code postgresql}, {@code mysql}
 * @param scenarios scenarios to run, in order (see {@link Scenario#ALL})
 * @param jobs jobs per round of the drain and batch submit scenarios (and per backlog drain phase)
 * @param backlog future jobs the backlog scenario stores before its second drain
 * @param peerJobs jobs per round of the peers' drain scenarios (Quartz, db-scheduler); the same as
 *     {@code jobs} unless given, so that ratios compare the same sizes
 * @param rounds rounds per scenario and store, each on a fresh database
 * @param warmUpRounds rounds run first and not counted, per scenario and store
 * @param latencyRate real-time submits per second of the steady state scenario
 * @param triggerRate trigger times per second of the trigger precision scenario
 * @param seconds how long the steady state and trigger precision scenarios submit or trigger
 * @param instances TaskTrackers of LTS, and instances of each peer, that drain and run the jobs
 * @param workThreads work threads of each TaskTracker and of each peer instance
 * @param pushBatchSize {@code lts.job.tracker.push.batch.size} of the JobTracker
 * @param roundTimeoutSeconds longest wait for any one phase of a round
 * @param out folder the JSON results are written to
 */
record BenchmarkOptions(
    List<String> stores,
    List<String> scenarios,
    int jobs,
    int backlog,
    int peerJobs,
    int rounds,
    int warmUpRounds,
    int latencyRate,
    int triggerRate,
    int seconds,
    int instances,
    int workThreads,
    int pushBatchSize,
    int roundTimeoutSeconds,
    Path out) {

  static final List<String> STORES = List.of("h2", "postgresql", "mysql");

  static final String USAGE =
      """
      java -jar lts-benchmark.jar [options]
        --stores h2,postgresql,mysql   stores to measure (default: all three)
        --scenarios LIST  scenarios (default: all): drain, batch-submit, latency, trigger,
                          repeat, cron, backlog, admin-queue, quartz-drain, quartz-latency,
                          db-scheduler-drain, db-scheduler-latency
        --jobs N          jobs per drain / batch submit round and backlog drain phase
                          (default 200000)
        --backlog N       future jobs stored by the backlog and admin-queue scenarios
                          (default 1000000)
        --peer-jobs N     jobs per quartz-drain / db-scheduler-drain round (default: --jobs,
                          so that ratios compare the same sizes)
        --rounds R        rounds, each on a fresh database (default 3)
        --warm-up W       rounds run first and not counted, per scenario and store (default 1)
        --latency-rate N  real-time submits per second, LTS and peers (default 500)
        --trigger-rate N  delayed trigger times per second (default 200)
        --seconds S       length of the latency and trigger scenarios (default 5)
        --instances N     TaskTrackers of LTS, and instances of each peer (default 1)
        --work-threads N  work threads per TaskTracker and per peer instance (default 32)
        --push-batch N    lts.job.tracker.push.batch.size (default 100)
        --timeout S       longest wait for one phase of a round (default 600)
        --out DIR         where the JSON files and ratios.json go (default: target/benchmarks
                          next to the jar)
        --quick           2,000 jobs (peers too), 20,000 backlog, 1 round, no warm-up,
                          2 seconds: a check that everything runs
        --help            this text
      """;

  static BenchmarkOptions parse(String[] args, Path defaultOut) {
    List<String> stores = STORES;
    List<String> scenarios = Scenario.ALL;
    int jobs = 200_000;
    int backlog = 1_000_000;
    Integer peerJobs = null;
    int rounds = 3;
    int warmUp = 1;
    int latencyRate = 500;
    int triggerRate = 200;
    int seconds = 5;
    int instances = 1;
    int workThreads = 32;
    int pushBatch = 100;
    int timeout = 600;
    Path out = defaultOut;
    boolean quick = false;
    List<String> explicit = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--quick")) {
        quick = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + arg + "\n" + USAGE);
      }
      String value = args[++i];
      explicit.add(arg);
      switch (arg) {
        case "--stores" -> stores = names(value, STORES, "store");
        case "--scenarios" -> scenarios = names(value, Scenario.ALL, "scenario");
        case "--jobs" -> jobs = positive(arg, value);
        case "--backlog" -> backlog = positive(arg, value);
        case "--peer-jobs" -> peerJobs = positive(arg, value);
        case "--rounds" -> rounds = positive(arg, value);
        case "--warm-up" -> warmUp = notNegative(arg, value);
        case "--latency-rate" -> latencyRate = positive(arg, value);
        case "--trigger-rate" -> triggerRate = positive(arg, value);
        case "--seconds" -> seconds = positive(arg, value);
        case "--instances" -> instances = positive(arg, value);
        case "--work-threads" -> workThreads = positive(arg, value);
        case "--push-batch" -> pushBatch = positive(arg, value);
        case "--timeout" -> timeout = positive(arg, value);
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (quick) {
      jobs = explicit.contains("--jobs") ? jobs : 2_000;
      backlog = explicit.contains("--backlog") ? backlog : 20_000;
      rounds = explicit.contains("--rounds") ? rounds : 1;
      warmUp = explicit.contains("--warm-up") ? warmUp : 0;
      seconds = explicit.contains("--seconds") ? seconds : 2;
    }
    return new BenchmarkOptions(
        stores,
        scenarios,
        jobs,
        backlog,
        peerJobs == null ? jobs : peerJobs,
        rounds,
        warmUp,
        latencyRate,
        triggerRate,
        seconds,
        instances,
        workThreads,
        pushBatch,
        timeout,
        out);
  }

  private static List<String> names(String value, List<String> known, String what) {
    List<String> names = new ArrayList<>();
    for (String name : value.split(",")) {
      String trimmed = name.trim();
      if (!known.contains(trimmed)) {
        throw new IllegalArgumentException(
            "unknown " + what + " '" + trimmed + "'; known: " + String.join(", ", known));
      }
      names.add(trimmed);
    }
    return List.copyOf(names);
  }

  private static int positive(String option, String value) {
    try {
      int n = Integer.parseInt(value.replace("_", ""));
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a positive number, got '" + value + "'");
  }

  private static int notNegative(String option, String value) {
    return value.equals("0") ? 0 : positive(option, value);
  }
}
