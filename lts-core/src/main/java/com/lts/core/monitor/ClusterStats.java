package com.lts.core.monitor;

import com.lts.core.cluster.NodeType;
import com.lts.core.store.NodeStats;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cluster view of statistics rows (from {@code NodeStatsStore.queryAll}): what LTS Admin charts
 * and its scrape endpoint publish, and what the alert rules read.
 */
public final class ClusterStats {

  private ClusterStats() {}

  /**
   * Each figure added up over the rows of nodes of {@code type} (all nodes when null): counters
   * give the total of the time range; for gauges a sum over rows is rarely meaningful, use {@link
   * #latestPerNode}.
   */
  public static Map<String, Double> totals(List<NodeStats> rows, NodeType type) {
    Map<String, Double> totals = new TreeMap<>();
    for (NodeStats row : rows) {
      if (type == null || row.nodeType() == type) {
        row.values().forEach((figure, value) -> totals.merge(figure, value, Double::sum));
      }
    }
    return totals;
  }

  /** Per node identity, the value of {@code figure} in its latest row that has it. */
  public static Map<String, Double> latestPerNode(List<NodeStats> rows, String figure) {
    Map<String, Double> latest = new TreeMap<>();
    Map<String, Long> minutes = new HashMap<>();
    for (NodeStats row : rows) {
      Double value = row.values().get(figure);
      Long seen = minutes.get(row.identity());
      if (value != null && (seen == null || row.minute() >= seen)) {
        minutes.put(row.identity(), row.minute());
        latest.put(row.identity(), value);
      }
    }
    return latest;
  }
}
