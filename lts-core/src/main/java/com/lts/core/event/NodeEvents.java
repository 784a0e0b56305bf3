package com.lts.core.event;

/**
 * Where the parts of one node report its {@link NodeEvent}s; the node hands them to its {@link
 * NodeListener}s and counts the failures.
 */
@FunctionalInterface
public interface NodeEvents {

  /** Events go nowhere: for parts used outside a node (tools, tests). */
  NodeEvents IGNORED = event -> {};

  /** Reports {@code event}; returns at once, whatever the listeners do with it. */
  void publish(NodeEvent event);
}
