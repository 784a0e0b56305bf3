package com.lts.core.monitor.internal;

import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeListener;
import com.lts.core.monitor.MetricNames;
import com.lts.core.monitor.NodeMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Taps a node's events as they are published: counts the job and failure events as meters, and
 * keeps what {@code health()} reports (registry and store connection, FailStore backlog).
 */
public final class NodeStateTracker implements NodeListener {

  private final NodeMetrics metrics;
  private final Map<String, Long> failStoreBacklogs = new ConcurrentHashMap<>();
  private volatile boolean registryConnected = true;
  private volatile boolean storeReachable = true;

  public NodeStateTracker(NodeMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void onEvent(NodeEvent event) {
    if (event instanceof NodeEvent.JobRetried e) {
      count(MetricNames.JOBS_RETRIED, e.taskTrackerNodeGroup());
    } else if (event instanceof NodeEvent.JobDeadLettered e) {
      count(MetricNames.JOBS_DEAD_LETTERED, e.taskTrackerNodeGroup());
    } else if (event instanceof NodeEvent.LeaseExpired e) {
      count(MetricNames.LEASES_EXPIRED, e.taskTrackerNodeGroup());
    } else if (event instanceof NodeEvent.BackgroundFailure e) {
      metrics.count(MetricNames.BACKGROUND_FAILURES, 1, "task", e.task(), "kind", e.kind().name());
    } else if (event instanceof NodeEvent.UnexpectedError e) {
      metrics.count(MetricNames.BACKGROUND_FAILURES, 1, "task", e.task(), "kind", "UNEXPECTED");
    } else if (event instanceof NodeEvent.FailStoreBacklog e) {
      failStoreBacklogs.put(e.failStore(), e.size());
      metrics.level(MetricNames.FAILSTORE_BACKLOG, failStoreBacklog());
    } else if (event instanceof NodeEvent.RegistryLost) {
      registryConnected = false;
    } else if (event instanceof NodeEvent.RegistryBack) {
      registryConnected = true;
    } else if (event instanceof NodeEvent.StoreUnavailable) {
      storeReachable = false;
    } else if (event instanceof NodeEvent.StoreBack) {
      storeReachable = true;
    }
  }

  private void count(String name, String group) {
    metrics.count(name, 1, MetricNames.TAG_GROUP, group == null ? "" : group);
  }

  public boolean registryConnected() {
    return registryConnected;
  }

  public boolean storeReachable() {
    return storeReachable;
  }

  public long failStoreBacklog() {
    return failStoreBacklogs.values().stream().mapToLong(Long::longValue).sum();
  }
}
