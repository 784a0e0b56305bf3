package com.lts.core.node;

import com.lts.core.cluster.Node;
import com.lts.core.config.NodeConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.monitor.NodeMetrics;
import com.lts.core.registry.Registry;
import java.time.Clock;

/**
 * What a role gets when its node starts: its checked configuration, the open registry, the entry it
 * will be announced with (the role may fill in its port), the clock, where its parts report the
 * node's events, its candidacy in the master election, and where its parts record meters.
 */
public record NodeContext(
    NodeConfig config,
    Registry registry,
    Node self,
    Clock clock,
    NodeEvents events,
    Candidacy candidacy,
    NodeMetrics metrics) {

  /** A context whose meters are read by no one. */
  public NodeContext(
      NodeConfig config,
      Registry registry,
      Node self,
      Clock clock,
      NodeEvents events,
      Candidacy candidacy) {
    this(config, registry, self, clock, events, candidacy, NodeMetrics.detached());
  }

  /** A context whose candidacy cannot be withdrawn. */
  public NodeContext(
      NodeConfig config, Registry registry, Node self, Clock clock, NodeEvents events) {
    this(config, registry, self, clock, events, Candidacy.FIXED);
  }
}
