package com.lts.core.cluster;

import java.util.List;

/**
 * Told when nodes of the type (and group) it subscribed to appear in or leave the registry. Calls
 * come one at a time, in order, on the registry's event thread; keep them short and hand long work
 * to another thread. A node whose registration changed (e.g. restarted with the same identity) is
 * reported removed with its old entry, then added with its new one.
 */
public interface NodeChangeListener {

  /** Nodes that appeared; never empty. */
  void added(List<Node> nodes);

  /** Nodes that left (unregistered, crashed past their session, or cut off); never empty. */
  void removed(List<Node> nodes);
}
