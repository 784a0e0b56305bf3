package com.lts.core.registry;

import com.lts.core.cluster.MasterChangeListener;
import com.lts.core.cluster.Node;

/**
 * Makes one node compete for mastership of its node type and group, and tells listeners about every
 * change of master. Losing the registry connection means losing mastership at once; regaining it
 * lets the node compete again.
 */
public interface MasterElector extends AutoCloseable {

  /** The node this elector competes for. */
  Node candidate();

  /** Joins the election; listeners added before or after are told the current state. */
  void start();

  /** Whether the candidate is master right now (false as soon as the connection is in doubt). */
  boolean isMaster();

  /** The last state told to listeners. */
  MasterState state();

  void addListener(MasterChangeListener listener);

  void addStateListener(MasterStateListener listener);

  /** Leaves the election, giving up mastership; listeners are told {@code (null, false)}. */
  @Override
  void close();
}
