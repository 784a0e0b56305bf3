package com.lts.core.store;

import com.lts.core.cluster.NodeType;
import java.util.Map;
import java.util.Objects;

/**
 * One node's statistics for one minute (jobs received, pushed, succeeded, ..., JVM figures).
 *
 * @param minute the start of the minute, epoch ms
 * @param values figure name to value
 */
public record NodeStats(
    String identity, NodeType nodeType, String nodeGroup, long minute, Map<String, Double> values) {

  public NodeStats {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(nodeType, "nodeType");
    values = Map.copyOf(values);
  }
}
