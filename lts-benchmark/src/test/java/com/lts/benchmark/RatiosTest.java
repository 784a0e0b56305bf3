package com.lts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ratios of LTS to its peers from made-up summaries: direction, targets, gaps and notes. */
class RatiosTest {

  private final BenchmarkOptions options =
      BenchmarkOptions.parse(new String[] {"--rounds", "1"}, Path.of("x"));

  @Test
  void drainIsLtsOverPeerAndLatencyIsPeerOverLts() {
    List<ScenarioSummary> summaries =
        List.of(
            summary("drain", "postgresql", Map.of("end-to-end jobs/s", 6_000.0)),
            summary("quartz-drain", "postgresql", Map.of("end-to-end jobs/s", 1_000.0)),
            summary("latency", "postgresql", Map.of("p99 ms", 10.0, "submitted/s", 500.0)),
            summary(
                "db-scheduler-latency",
                "postgresql",
                Map.of("p99 ms", 15.0, "submitted/s", 300.0)));

    List<Ratios.Ratio> ratios = Ratios.of(summaries, options);

    assertThat(ratios).hasSize(2);
    Ratios.Ratio drain = ratios.get(0);
    assertThat(drain.peer()).isEqualTo("quartz");
    assertThat(drain.ratio()).isCloseTo(6.0, within(1e-9));
    assertThat(drain.target()).isEqualTo(3.0);
    assertThat(drain.met()).isTrue();
    assertThat(drain.note()).isEmpty();
    Ratios.Ratio latency = ratios.get(1);
    assertThat(latency.peer()).isEqualTo("db-scheduler");
    assertThat(latency.ratio()).isCloseTo(1.5, within(1e-9));
    assertThat(latency.met()).isFalse();
    assertThat(latency.note()).contains("not held", "peer 300");
    assertThat(Ratios.render(ratios)).contains("6.00×", "met", "missed");
  }

  @Test
  void noRatioWithoutBothSides() {
    List<ScenarioSummary> summaries =
        List.of(
            summary("drain", "h2", Map.of("end-to-end jobs/s", 800.0)),
            summary("quartz-drain", "mysql", Map.of("end-to-end jobs/s", 200.0)),
            new ScenarioSummary("db-scheduler-drain", "", "h2", "not reachable", Map.of()));

    assertThat(Ratios.of(summaries, options)).isEmpty();
    assertThat(Ratios.render(List.of())).contains("none");
  }

  private static ScenarioSummary summary(
      String scenario, String store, Map<String, Double> figures) {
    ScenarioSummary summary = new ScenarioSummary(scenario, "", store, null, Map.of());
    summary.rounds.add(new RoundResult(figures, new RunCheck(1, 1, 0, 0, 1)));
    return summary;
  }
}
