package com.lts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin-queue scenario runs end to end on a small H2 queue; its figures are not asserted. */
class AdminQueueScenarioTest {

  @TempDir Path out;

  @Test
  void listsTheQueueInOrderAndReportsEachKindOfPage() {
    BenchmarkOptions options =
        BenchmarkOptions.parse(
            new String[] {
              "--stores", "h2",
              "--scenarios", "admin-queue",
              "--backlog", "300",
              "--rounds", "1",
              "--warm-up", "0",
              "--timeout", "120",
              "--out", out.toString()
            },
            Path.of("unused"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    List<ScenarioSummary> summaries =
        BenchmarkMain.run(options, new PrintStream(printed, true, StandardCharsets.UTF_8));
    String text = printed.toString(StandardCharsets.UTF_8);
    ScenarioSummary summary = summaries.get(0);
    assertThat(summary.complete(1)).as(text).isTrue();
    RunCheck check = summary.rounds.get(0).check();
    assertThat(check.ok()).as(check.toString()).isTrue();
    assertThat(check.expected()).isEqualTo(300);
    assertThat(summary.stats())
        .containsKeys(
            "first page p99 ms",
            "deep page p99 ms",
            "taskId search p99 ms",
            "group + taskId search p99 ms",
            "page of 1,000 (queue head) p99 ms");
  }

  @Test
  void percentilesAreTheNearestRank() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1_000_000L;
    }
    assertThat(AdminQueueScenario.percentile(nanos, 100, 0.99)).isEqualTo(99.0);
    assertThat(AdminQueueScenario.percentile(nanos, 100, 0.50)).isEqualTo(50.0);
    assertThat(AdminQueueScenario.percentile(nanos, 1, 0.99)).isEqualTo(100.0);
    assertThat(AdminQueueScenario.idAt(0x0123_4567_89abL))
        .isEqualTo("0123456789ab" + "0".repeat(20));
  }
}
