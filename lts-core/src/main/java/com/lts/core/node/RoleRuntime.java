package com.lts.core.node;

import com.lts.core.store.NodeStats;
import java.util.List;

/** The running part of a role (JobTracker, TaskTracker, JobClient), built when its node starts. */
public interface RoleRuntime extends AutoCloseable {

  /** Called on every change of this node's mastership of its type and group. */
  default void masterChanged(boolean isMaster) {}

  /**
   * Delivers this node's statistics rows (a JobTracker stores them, other roles send them to a
   * JobTracker).
   *
   * @throws RuntimeException when they could not be delivered; they are kept and sent again
   */
  default void reportStats(List<NodeStats> stats) {}

  /** Whether this role's job store answers; null for roles without a store. */
  default Boolean storeReachable(boolean lastKnown) {
    return null;
  }

  /** Stops the role: called before the node leaves the registry. */
  @Override
  void close();
}
