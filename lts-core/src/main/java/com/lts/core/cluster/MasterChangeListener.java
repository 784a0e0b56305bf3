package com.lts.core.cluster;

/**
 * Told on every change of the master of a node type and group, on the registry's event thread.
 *
 * <p>{@code master} is the node that is master now, or {@code null} when none is known (no
 * candidate holds mastership, or this node lost its registry connection). {@code isMaster} says
 * whether that is this node. Losing the registry connection is reported at once as {@code (null,
 * false)}; when the connection comes back the node may become master again.
 */
public interface MasterChangeListener {

  void change(Node master, boolean isMaster);
}
