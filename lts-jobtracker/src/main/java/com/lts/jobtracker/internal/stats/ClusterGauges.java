package com.lts.jobtracker.internal.stats;

import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Store;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The master's duty that reads the cluster's queue depth per group and the feedback backlog from
 * the store into gauges (one count query each; the other JobTrackers would only repeat it).
 */
public final class ClusterGauges implements Runnable {

  private final Store store;
  private final NodeMetrics metrics;
  private final Set<String> groups = new HashSet<>();

  public ClusterGauges(Store store, NodeMetrics metrics) {
    this.store = store;
    this.metrics = metrics;
  }

  @Override
  public void run() {
    Map<String, Long> depth = store.jobs().countByGroup(JobQueue.EXECUTABLE);
    groups.addAll(depth.keySet());
    for (String group : groups) { // a group whose queue emptied shows 0, not its last depth
      metrics.level(
          MetricNames.QUEUE_DEPTH, depth.getOrDefault(group, 0L), MetricNames.TAG_GROUP, group);
    }
    long waiting =
        store.feedback().countByGroup().values().stream().mapToLong(Long::longValue).sum();
    metrics.level(MetricNames.FEEDBACK_WAITING, waiting);
  }
}
