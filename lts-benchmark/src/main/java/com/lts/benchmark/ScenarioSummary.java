package com.lts.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All rounds of one scenario on one store: the median and spread of each figure, the rounds that
 * failed and why, or why the store was skipped.
 */
final class ScenarioSummary {

  final String scenario;
  final String description;
  final String store;
  final String skipped;
  final Map<String, String> database;
  final List<RoundResult> rounds = new ArrayList<>();
  final List<String> failures = new ArrayList<>();

  ScenarioSummary(
      String scenario,
      String description,
      String store,
      String skipped,
      Map<String, String> database) {
    this.scenario = scenario;
    this.description = description;
    this.store = store;
    this.skipped = skipped;
    this.database = database;
  }

  /** Every round ran, and each verified that every job ran (or was stored) exactly once. */
  boolean complete(int expectedRounds) {
    return skipped == null
        && failures.isEmpty()
        && rounds.size() == expectedRounds
        && rounds.stream().allMatch(r -> r.check().ok());
  }

  /** Per figure: median, min and max over the rounds that ran. */
  Map<String, Stats> stats() {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    for (RoundResult round : rounds) {
      round.figures().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    Map<String, Stats> stats = new LinkedHashMap<>();
    values.forEach((k, v) -> stats.put(k, Stats.of(v)));
    return stats;
  }

  /** Median and spread of one figure. */
  record Stats(double median, double min, double max, List<Double> values) {

    static Stats of(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      double median =
          n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      return new Stats(median, sorted.get(0), sorted.get(n - 1), List.copyOf(values));
    }
  }
}
