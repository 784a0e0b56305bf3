package com.lts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every LTS scenario runs on H2 with tiny sizes and every job runs exactly once; no time is
 * asserted. The peers' scenarios have their own smoke test ({@link PeerScenariosSmokeTest}).
 */
class BenchmarkSmokeTest {

  private static final List<String> LTS_SCENARIOS =
      List.of("drain", "batch-submit", "latency", "trigger", "repeat", "cron", "backlog");

  @TempDir Path out;

  @Test
  void everyScenarioCompletesOnH2AndRunsEachJobExactlyOnce() throws Exception {
    BenchmarkOptions options =
        BenchmarkOptions.parse(
            new String[] {
              "--stores", "h2",
              "--scenarios", String.join(",", LTS_SCENARIOS),
              "--jobs", "300",
              "--backlog", "2000",
              "--rounds", "1",
              "--warm-up", "0",
              "--latency-rate", "200",
              "--trigger-rate", "200",
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
    assertThat(summaries).extracting(s -> s.scenario).containsExactlyElementsOf(LTS_SCENARIOS);
    for (ScenarioSummary summary : summaries) {
      assertThat(summary.complete(1)).as(summary.scenario + "\n" + text).isTrue();
      assertThat(summary.rounds.get(0).check().ok()).isTrue();
      assertThat(summary.stats()).isNotEmpty();
      Path json = out.resolve(summary.scenario + "-h2.json");
      assertThat(json).exists();
      assertThat(Files.readString(json)).contains("\"figures\"", "\"machine\"", "\"median\"");
    }
    assertThat(check(summaries, "drain").expected()).isEqualTo(300);
    assertThat(check(summaries, "latency").expected()).isEqualTo(200);
    // 200 schedules, each firing once in the one measured second
    assertThat(check(summaries, "repeat").expected()).isEqualTo(200);
    assertThat(check(summaries, "cron").expected()).isEqualTo(200);
    // backlog: both drains of 300 ran exactly once and none of the 2,000 future jobs ran.
    assertThat(check(summaries, "backlog").expected()).isEqualTo(600);
    assertThat(check(summaries, "backlog").total()).isEqualTo(600);
    assertThat(summary(summaries, "backlog").stats())
        .containsKeys("drain jobs/s, with backlog", "JobTracker heap after GC, MB");
    assertThat(text).contains("scenario", "drain", "batch-submit", "latency", "trigger", "backlog");
  }

  private static ScenarioSummary summary(List<ScenarioSummary> summaries, String scenario) {
    return summaries.stream().filter(s -> s.scenario.equals(scenario)).findFirst().orElseThrow();
  }

  private static RunCheck check(List<ScenarioSummary> summaries, String scenario) {
    return summary(summaries, scenario).rounds.get(0).check();
  }

  @Test
  void anUnknownStoreIsRefusedWithTheKnownOnes() {
    assertThatThrownBy(
            () -> BenchmarkOptions.parse(new String[] {"--stores", "oracle"}, Path.of("x")))
        .hasMessageContaining("unknown store 'oracle'")
        .hasMessageContaining("h2, postgresql, mysql");
  }

  @Test
  void quickShrinksOnlyWhatWasNotGiven() {
    BenchmarkOptions options =
        BenchmarkOptions.parse(new String[] {"--quick", "--rounds", "2"}, Path.of("x"));
    assertThat(options.jobs()).isEqualTo(2_000);
    assertThat(options.backlog()).isEqualTo(20_000);
    assertThat(options.rounds()).isEqualTo(2);
    assertThat(options.seconds()).isEqualTo(2);
    assertThat(options.warmUpRounds()).isZero();
    assertThat(BenchmarkOptions.parse(new String[0], Path.of("x")).warmUpRounds()).isEqualTo(1);
  }

  @Test
  void warmUpRoundsRunButAreNotCounted() {
    BenchmarkOptions options =
        BenchmarkOptions.parse(
            new String[] {
              "--stores", "h2",
              "--scenarios", "batch-submit",
              "--jobs", "100",
              "--rounds", "1",
              "--warm-up", "1",
              "--out", out.toString()
            },
            Path.of("unused"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<ScenarioSummary> summaries =
        BenchmarkMain.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("[batch-submit/h2] warm-up (not counted)", "[batch-submit/h2] round 1/1");
    assertThat(summaries.get(0).rounds).hasSize(1);
    assertThat(summaries.get(0).complete(1)).isTrue();
  }
}
