package com.lts.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * LTS against each peer on the same store, from the medians of the rounds: LTS drain jobs/s ÷ the
 * peer's, and the peer's latency p99 ÷ LTS's, so a ratio above 1 means LTS is better. A ratio is
 * given only when both sides ran at least one round on that store.
 */
final class Ratios {

  static final String DRAIN_FIGURE = "end-to-end jobs/s";
  static final String LATENCY_FIGURE = "p99 ms";

  private Ratios() {}

  /**
   * One ratio.
   *
   * @param store the store both sides ran on
   * @param peer {@code quartz} or {@code db-scheduler}
   * @param figure what is compared
   * @param lts LTS's median
   * @param peerValue the peer's median
   * @param ratio how many times better LTS is (> 1: LTS better)
   * @param target the ratio aimed at
   * @param complete both sides ran every round and every job exactly once
   * @param note what limits the comparison (a side that did not hold the submit rate), or empty
   */
  record Ratio(
      String store,
      String peer,
      String figure,
      double lts,
      double peerValue,
      double ratio,
      double target,
      boolean complete,
      String note) {

    boolean met() {
      return ratio >= target;
    }
  }

  /** A latency side that submitted below this share of the rate did not hold the rate. */
  static final double RATE_HELD = 0.95;

  static final String RATE_FIGURE = "submitted/s";

  static List<Ratio> of(List<ScenarioSummary> summaries, BenchmarkOptions options) {
    int rounds = options.rounds();
    Set<String> stores = new LinkedHashSet<>();
    summaries.forEach(s -> stores.add(s.store));
    List<Ratio> ratios = new ArrayList<>();
    for (String store : stores) {
      for (String peer : Peer.NAMES) {
        add(ratios, summaries, rounds, store, peer, "drain", DRAIN_FIGURE, 0);
        add(
            ratios,
            summaries,
            rounds,
            store,
            peer,
            "latency",
            LATENCY_FIGURE,
            options.latencyRate());
      }
    }
    return ratios;
  }

  private static void add(
      List<Ratio> ratios,
      List<ScenarioSummary> summaries,
      int rounds,
      String store,
      String peer,
      String scenario,
      String figure,
      int rate) {
    boolean higherIsBetter = rate == 0;
    ScenarioSummary lts = find(summaries, scenario, store);
    ScenarioSummary other = find(summaries, peer + "-" + scenario, store);
    if (lts == null || other == null) {
      return;
    }
    ScenarioSummary.Stats ltsStats = lts.stats().get(figure);
    ScenarioSummary.Stats peerStats = other.stats().get(figure);
    if (ltsStats == null || peerStats == null) {
      return;
    }
    double numerator = higherIsBetter ? ltsStats.median() : peerStats.median();
    double denominator = higherIsBetter ? peerStats.median() : ltsStats.median();
    if (denominator <= 0) {
      return;
    }
    ratios.add(
        new Ratio(
            store,
            peer,
            scenario + " " + figure,
            ltsStats.median(),
            peerStats.median(),
            numerator / denominator,
            Peer.target(peer),
            lts.complete(rounds) && other.complete(rounds),
            rate == 0 ? "" : rateNote(lts, other, rate)));
  }

  /** Names the sides whose submits fell below the rate: their latency is at a lower load. */
  private static String rateNote(ScenarioSummary lts, ScenarioSummary other, int rate) {
    ScenarioSummary.Stats ltsRate = lts.stats().get(RATE_FIGURE);
    ScenarioSummary.Stats peerRate = other.stats().get(RATE_FIGURE);
    if (ltsRate == null || peerRate == null) {
      return "";
    }
    if (ltsRate.median() >= RATE_HELD * rate && peerRate.median() >= RATE_HELD * rate) {
      return "";
    }
    return "rate "
        + rate
        + "/s not held: LTS "
        + Table.format(ltsRate.median())
        + "/s, peer "
        + Table.format(peerRate.median())
        + "/s";
  }

  private static ScenarioSummary find(
      List<ScenarioSummary> summaries, String scenario, String store) {
    return summaries.stream()
        .filter(s -> s.scenario.equals(scenario) && s.store.equals(store) && s.skipped == null)
        .filter(s -> !s.rounds.isEmpty())
        .findFirst()
        .orElse(null);
  }

  static String render(List<Ratio> ratios) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "ratios: LTS drain jobs/s ÷ peer's, peer's latency p99 ÷ LTS's (> 1: LTS better);"
            + " targets ≥ 3× Quartz, ≥ 2× db-scheduler\n");
    if (ratios.isEmpty()) {
      sb.append("  none: no store ran both LTS and a peer\n");
      return sb.toString();
    }
    String row = "%-11s %-13s %-24s %12s %12s %8s %7s  %s%n";
    sb.append(String.format(row, "store", "peer", "figure", "LTS", "peer", "ratio", "target", ""));
    for (Ratio r : ratios) {
      sb.append(
          String.format(
              row,
              r.store(),
              r.peer(),
              r.figure(),
              Table.format(r.lts()),
              Table.format(r.peerValue()),
              String.format("%.2f×", r.ratio()),
              String.format("≥ %.0f×", r.target()),
              (r.met() ? "met" : "missed")
                  + (r.complete() ? "" : " (a side is INCOMPLETE)")
                  + (r.note().isEmpty() ? "" : " (" + r.note() + ")")));
    }
    return sb.toString();
  }

  /** The ratios as the JSON file shows them. */
  static List<Map<String, Object>> json(List<Ratio> ratios) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Ratio r : ratios) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("store", r.store());
      row.put("peer", r.peer());
      row.put("figure", r.figure());
      row.put("lts", r.lts());
      row.put("peer_value", r.peerValue());
      row.put("ratio", r.ratio());
      row.put("target", r.target());
      row.put("met", r.met());
      row.put("complete", r.complete());
      row.put("note", r.note());
      rows.add(row);
    }
    return rows;
  }
}
