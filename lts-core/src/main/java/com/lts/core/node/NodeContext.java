package com.lts.core.node;

import com.lts.core.cluster.Node;
import com.lts.core.config.NodeConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.registry.Registry;
import java.time.Clock;

/**
 * What a role gets when its node starts: its checked configuration, the open registry, the entry it
 * will be announced with (the role may fill in its port), the clock, where its parts report the
 * node's events, and its candidacy in the master election.
 */
public record NodeContext(
    NodeConfig config,
    Registry registry,
    Node self,
    Clock clock,
    NodeEvents events,
    Candidacy candidacy) {

  /** A context whose candidacy cannot be withdrawn. */
  public NodeContext(
      NodeConfig config, Registry registry, Node self, Clock clock, NodeEvents events) {
    this(config, registry, self, clock, events, Candidacy.FIXED);
  }
}
