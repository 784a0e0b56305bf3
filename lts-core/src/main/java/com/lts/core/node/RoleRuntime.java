package com.lts.core.node;

/** The running part of a role (JobTracker, TaskTracker, JobClient), built when its node starts. */
public interface RoleRuntime extends AutoCloseable {

  /** Called on every change of this node's mastership of its type and group. */
  default void masterChanged(boolean isMaster) {}

  /** Stops the role: called before the node leaves the registry. */
  @Override
  void close();
}
