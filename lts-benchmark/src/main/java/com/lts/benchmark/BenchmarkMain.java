package com.lts.benchmark;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the LTS benchmark: for each store and scenario, R rounds on fresh databases in this JVM on
 * loopback, then prints the median and spread of every figure and writes one JSON file per scenario
 * and store. See docs/benchmarks.md.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) {
    if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
      System.out.print(BenchmarkOptions.USAGE);
      return;
    }
    BenchmarkOptions options;
    try {
      options = BenchmarkOptions.parse(args, defaultOut());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    List<ScenarioSummary> summaries = run(options, System.out);
    boolean allComplete =
        summaries.stream().allMatch(s -> s.skipped != null || s.complete(options.rounds()));
    System.exit(allComplete ? 0 : 1);
  }

  /** target/benchmarks next to the jar (or next to target/classes when run from the build). */
  private static Path defaultOut() {
    try {
      Path location =
          Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.toAbsolutePath().getParent().resolve("benchmarks");
    } catch (URISyntaxException | RuntimeException e) {
      return Path.of("target", "benchmarks");
    }
  }

  /** Runs every store and scenario the options name, printing progress to {@code out}. */
  static List<ScenarioSummary> run(BenchmarkOptions options, PrintStream out) {
    Map<String, Object> machine = MachineInfo.collect();
    out.println("LTS benchmark " + Instant.now());
    machine.forEach((k, v) -> out.println("  " + k + ": " + v));
    out.println("  settings: " + new LinkedHashMap<>(BenchCluster.settings(options)));
    out.printf(
        "  sizes: jobs=%d backlog=%d peer-jobs=%d rounds=%d latency-rate=%d/s trigger-rate=%d/s"
            + " seconds=%d%n",
        options.jobs(),
        options.backlog(),
        options.peerJobs(),
        options.rounds(),
        options.latencyRate(),
        options.triggerRate(),
        options.seconds());
    List<ScenarioSummary> summaries = new ArrayList<>();
    for (String store : options.stores()) {
      String unreachable = BenchDatabase.unreachable(store);
      for (String name : options.scenarios()) {
        Scenario scenario = Scenario.named(name, options, out);
        if (unreachable != null) {
          out.printf("[%s/%s] skipped: %s%n", name, store, unreachable);
          ScenarioSummary skipped =
              new ScenarioSummary(name, scenario.description(), store, unreachable, Map.of());
          summaries.add(skipped);
          write(options, machine, scenario, skipped, out);
          continue;
        }
        summaries.add(runRounds(options, machine, scenario, store, out));
      }
    }
    out.println();
    out.print(Table.render(summaries, options.rounds()));
    out.println();
    List<Ratios.Ratio> ratios = Ratios.of(summaries, options);
    out.print(Ratios.render(ratios));
    if (!ratios.isEmpty()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("time", Instant.now().toString());
      json.put("machine", machine);
      json.put("options", options.toString());
      json.put("ratios", Ratios.json(ratios));
      writeJson(options, "ratios.json", json, out);
    }
    out.println("  load average at the end: " + MachineInfo.collect().get("loadAverage"));
    return summaries;
  }

  private static ScenarioSummary runRounds(
      BenchmarkOptions options,
      Map<String, Object> machine,
      Scenario scenario,
      String store,
      PrintStream out) {
    ScenarioSummary summary = null;
    if (Peer.NAMES.stream().anyMatch(peer -> scenario.name().startsWith(peer + "-"))) {
      out.printf(
          "[%s/%s] settings: %s%n", scenario.name(), store, scenario.settings(options, store));
    }
    // Warm-up rounds (round < 1) run the same way but count for nothing: without them the first
    // rounds of each scenario measure the JIT compiler as much as the scheduler.
    int warmUps = scenario.warmsUpItself() ? 0 : options.warmUpRounds();
    for (int round = 1 - warmUps; round <= options.rounds(); round++) {
      Path dir = null;
      long start = System.nanoTime();
      try {
        dir = Files.createTempDirectory("lts-bench-" + scenario.name() + "-" + store + "-");
        try (BenchDatabase database = BenchDatabase.create(store, dir)) {
          if (summary == null) {
            summary =
                new ScenarioSummary(
                    scenario.name(), scenario.description(), store, null, database.describe());
          }
          RoundResult result = scenario.run(database, dir);
          if (round >= 1) {
            summary.rounds.add(result);
          }
          out.printf(
              "[%s/%s] %s in %.1f s: %s; %s%n",
              scenario.name(),
              store,
              round >= 1 ? "round " + round + "/" + options.rounds() : "warm-up (not counted)",
              (System.nanoTime() - start) / 1e9,
              Table.figures(result.figures()),
              result.check());
        }
      } catch (Exception e) {
        if (summary == null) {
          summary =
              new ScenarioSummary(scenario.name(), scenario.description(), store, null, Map.of());
        }
        String reason = (round >= 1 ? "round " + round : "warm-up round") + ": " + e;
        summary.failures.add(reason);
        out.printf("[%s/%s] FAILED %s%n", scenario.name(), store, reason);
      } finally {
        deleteQuietly(dir, out);
      }
    }
    write(options, machine, scenario, summary, out);
    return summary;
  }

  private static void write(
      BenchmarkOptions options,
      Map<String, Object> machine,
      Scenario scenario,
      ScenarioSummary s,
      PrintStream out) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scenario", s.scenario);
    json.put("description", s.description);
    json.put("store", s.store);
    json.put("time", Instant.now().toString());
    json.put("machine", machine);
    json.put("settings", scenario.settings(options, s.store));
    json.put("options", options.toString());
    json.put("database", s.database);
    if (s.skipped != null) {
      json.put("skipped", s.skipped);
    } else {
      Map<String, Object> figures = new LinkedHashMap<>();
      s.stats()
          .forEach(
              (name, st) ->
                  figures.put(
                      name,
                      Map.of(
                          "median", st.median(),
                          "min", st.min(),
                          "max", st.max(),
                          "rounds", st.values())));
      json.put("figures", figures);
      json.put("checks", s.rounds.stream().map(r -> r.check().toString()).toList());
      json.put("failures", s.failures);
    }
    writeJson(options, s.scenario + "-" + s.store + ".json", json, out);
  }

  private static void writeJson(
      BenchmarkOptions options, String name, Map<String, Object> json, PrintStream out) {
    try {
      Files.createDirectories(options.out());
      Path file = options.out().resolve(name);
      Files.writeString(file, JSON.toJSONString(json, JSONWriter.Feature.PrettyFormat));
      out.println("  wrote " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write results to " + options.out(), e);
    }
  }

  private static void deleteQuietly(Path dir, PrintStream out) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      out.println("  could not delete " + dir + ": " + e);
    }
  }
}
