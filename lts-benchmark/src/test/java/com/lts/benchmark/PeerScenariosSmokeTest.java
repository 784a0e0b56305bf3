package com.lts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer scenarios (Quartz, db-scheduler) run on H2 with tiny sizes next to LTS's drain and
 * latency, every job runs exactly once, and the ratios are printed and written; no time is
 * asserted.
 */
class PeerScenariosSmokeTest {

  private static final List<String> SCENARIOS =
      List.of(
          "drain",
          "latency",
          "quartz-drain",
          "quartz-latency",
          "db-scheduler-drain",
          "db-scheduler-latency");

  @TempDir Path out;

  @Test
  void everyPeerScenarioCompletesOnH2AndRunsEachJobExactlyOnce() throws Exception {
    BenchmarkOptions options =
        BenchmarkOptions.parse(
            new String[] {
              "--stores", "h2",
              "--scenarios", String.join(",", SCENARIOS),
              "--jobs", "200",
              "--peer-jobs", "200",
              "--rounds", "1",
              "--warm-up", "0",
              "--latency-rate", "100",
              "--seconds", "1",
              "--work-threads", "8",
              "--push-batch", "20",
              "--timeout", "120",
              "--out", out.toString()
            },
            Path.of("unused"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<ScenarioSummary> summaries =
        BenchmarkMain.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));

    String text = printed.toString(StandardCharsets.UTF_8);
    assertThat(summaries).extracting(s -> s.scenario).containsExactlyElementsOf(SCENARIOS);
    for (ScenarioSummary summary : summaries) {
      assertThat(summary.complete(1)).as(summary.scenario + "\n" + text).isTrue();
      assertThat(summary.stats()).isNotEmpty();
      Path json = out.resolve(summary.scenario + "-h2.json");
      assertThat(Files.readString(json)).contains("\"figures\"", "\"settings\"");
    }
    assertThat(summaries.get(2).rounds.get(0).check().expected()).isEqualTo(200);
    assertThat(summaries.get(3).rounds.get(0).check().expected()).isEqualTo(100);
    assertThat(summaries.get(4).rounds.get(0).check().expected()).isEqualTo(200);
    assertThat(summaries.get(5).rounds.get(0).check().expected()).isEqualTo(100);
    assertThat(Files.readString(out.resolve("quartz-drain-h2.json")))
        .contains("acquireTriggersWithinLock", "JobStoreTX");
    assertThat(Files.readString(out.resolve("db-scheduler-drain-h2.json")))
        .contains("pollingInterval");
    for (int drain : new int[] {0, 2, 4}) {
      assertThat(summaries.get(drain).stats())
          .as(summaries.get(drain).scenario)
          .containsKeys(
              CpuMeter.CPU_PER_JOB,
              CpuMeter.DATABASE_CPU_PER_JOB,
              "slowest tenth jobs/s",
              "slowest tenth / median tenth");
      assertThat(summaries.get(drain).stats().get(CpuMeter.CPU_PER_JOB).median()).isPositive();
      assertThat(summaries.get(drain).stats().get("slowest tenth / median tenth").median())
          .isPositive()
          .isLessThanOrEqualTo(1.0);
    }

    assertThat(text).contains("ratios:");
    assertThat(Ratios.of(summaries, options))
        .extracting(r -> r.peer() + " " + r.figure())
        .containsExactly(
            "quartz drain end-to-end jobs/s",
            "quartz latency p99 ms",
            "db-scheduler drain end-to-end jobs/s",
            "db-scheduler latency p99 ms");
    assertThat(Files.readString(out.resolve("ratios.json"))).contains("\"ratio\"", "\"target\"");
  }

  @Test
  void peersDrainAsManyJobsAsLtsWithAsManyInstancesAndThreadsUnlessGiven() {
    BenchmarkOptions defaults = BenchmarkOptions.parse(new String[] {}, Path.of("x"));
    assertThat(defaults.peerJobs()).isEqualTo(defaults.jobs()).isEqualTo(200_000);
    assertThat(defaults.instances()).isEqualTo(1);
    assertThat(defaults.workThreads()).isEqualTo(32);
    assertThat(BenchmarkOptions.parse(new String[] {"--jobs", "20000"}, Path.of("x")).peerJobs())
        .isEqualTo(20_000);
    assertThat(BenchmarkOptions.parse(new String[] {"--quick"}, Path.of("x")).peerJobs())
        .isEqualTo(2_000);
    assertThat(
            BenchmarkOptions.parse(new String[] {"--quick", "--peer-jobs", "500"}, Path.of("x"))
                .peerJobs())
        .isEqualTo(500);
  }

  @Test
  void thePeersAreInTheDefaultScenarios() {
    assertThat(BenchmarkOptions.parse(new String[] {}, Path.of("x")).scenarios())
        .endsWith("quartz-drain", "quartz-latency", "db-scheduler-drain", "db-scheduler-latency");
  }
}
