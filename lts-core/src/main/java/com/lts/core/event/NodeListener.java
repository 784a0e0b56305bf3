package com.lts.core.event;

/**
 * Told what happens to a node: background failures, store, registry and mastership changes, and
 * what became of jobs. Register with {@code addNodeListener} on a JobTracker, TaskTracker or
 * JobClient.
 *
 * <p>Events arrive in order, one at a time, on a thread of the node's own, never on the thread the
 * event happened on; a listener that throws is logged and called again for the next event. A slow
 * listener delays only the events behind it (when too many wait, newer ones are dropped and
 * counted).
 */
@FunctionalInterface
public interface NodeListener {

  void onEvent(NodeEvent event);
}
