package com.lts.core.registry;

import com.lts.core.cluster.Node;

/**
 * Who is master of a node type and group, as one candidate sees it.
 *
 * @param master the master, or {@code null} when none is known
 * @param epoch a number that grows with every change of master (0 when none is known); use it as a
 *     fencing token: work stamped with an older epoch came from an earlier master
 * @param isMaster whether the candidate that reports this state is the master
 */
public record MasterState(Node master, long epoch, boolean isMaster) {

  /** No master known. */
  public static final MasterState NONE = new MasterState(null, 0, false);

  @Override
  public String toString() {
    return master == null
        ? "no master"
        : "master " + master.getIdentity() + " epoch " + epoch + (isMaster ? " (this node)" : "");
  }
}
