package com.lts.admin.api;

import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.StatsFigure;
import com.lts.core.store.NodeStats;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What Admin shows of the node statistics rows ({@code NodeStatsStore.queryAll}): each node's
 * latest row, and the jobs completed and failed per group over whole minutes.
 */
final class LatestStats {

  static final long MINUTE = 60_000;

  private LatestStats() {}

  /** Per node identity, its row with the latest minute. */
  static Collection<NodeStats> latestPerNode(List<NodeStats> rows) {
    Map<String, NodeStats> latest = new TreeMap<>();
    for (NodeStats row : rows) {
      latest.merge(row.identity(), row, (a, b) -> b.minute() >= a.minute() ? b : a);
    }
    return latest.values();
  }

  /**
   * Jobs that ended ({@code lts.jobs.completed} of the JobTrackers' rows) in {@code rows}, which
   * cover {@code minutes} whole minutes: the total, per second, and per group, with those that
   * ended without success ({@code action} other than {@code EXECUTE_SUCCESS}) apart.
   */
  static Map<String, Object> throughput(List<NodeStats> rows, int minutes) {
    Map<String, Long> completed = new TreeMap<>();
    Map<String, Long> failed = new TreeMap<>();
    long total = 0;
    for (NodeStats row : rows) {
      for (Map.Entry<String, Double> value : row.values().entrySet()) {
        StatsFigure figure = StatsFigure.parse(value.getKey());
        if (!figure.name().equals(MetricNames.JOBS_COMPLETED)) {
          continue;
        }
        long count = Math.round(value.getValue());
        String group = figure.tag(MetricNames.TAG_GROUP);
        total += count;
        completed.merge(group, count, Long::sum);
        if (!figure.tag(MetricNames.TAG_ACTION).equals("EXECUTE_SUCCESS")) {
          failed.merge(group, count, Long::sum);
        }
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("windowMinutes", minutes);
    json.put("completed", total);
    json.put("jobsPerSecond", Math.round(total * 100.0 / (minutes * 60.0)) / 100.0);
    json.put("completedByGroup", completed);
    json.put("failedByGroup", failed);
    return json;
  }
}
