package com.lts.benchmark;

import java.util.Map;
import java.util.stream.Collectors;

/** The final table and the progress lines' figures, as text. */
final class Table {

  private Table() {}

  static String figures(Map<String, Double> figures) {
    return figures.entrySet().stream()
        .map(e -> e.getKey() + " " + format(e.getValue()))
        .collect(Collectors.joining(", "));
  }

  static String render(Iterable<ScenarioSummary> summaries, int rounds) {
    StringBuilder sb = new StringBuilder();
    int width = 20;
    for (ScenarioSummary s : summaries) {
      for (String figure : s.stats().keySet()) {
        width = Math.max(width, figure.length());
      }
    }
    String row = "%-20s %-11s %-" + width + "s %12s %25s  %s%n";
    sb.append(
        String.format(row, "scenario", "store", "figure", "median", "spread (min–max)", "rounds"));
    for (ScenarioSummary s : summaries) {
      if (s.skipped != null) {
        sb.append(String.format(row, s.scenario, s.store, "skipped", "", "", s.skipped));
        continue;
      }
      String status =
          s.rounds.size()
              + "/"
              + rounds
              + (s.complete(rounds) ? " ok" : " INCOMPLETE " + s.failures + checks(s));
      if (s.rounds.isEmpty()) {
        sb.append(String.format(row, s.scenario, s.store, "-", "", "", status));
      }
      for (Map.Entry<String, ScenarioSummary.Stats> e : s.stats().entrySet()) {
        ScenarioSummary.Stats st = e.getValue();
        sb.append(
            String.format(
                row,
                s.scenario,
                s.store,
                e.getKey(),
                format(st.median()),
                format(st.min()) + " – " + format(st.max()),
                status));
      }
    }
    return sb.toString();
  }

  private static String checks(ScenarioSummary s) {
    return s.rounds.stream()
        .filter(r -> !r.check().ok())
        .map(r -> " " + r.check())
        .collect(Collectors.joining());
  }

  static String format(double value) {
    if (value >= 100) {
      return String.format("%,.0f", value);
    }
    return String.format("%.2f", value);
  }
}
