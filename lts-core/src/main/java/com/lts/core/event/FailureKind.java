package com.lts.core.event;

/**
 * What kind of failure stopped a piece of background work. Every kind but {@link #UNEXPECTED} is
 * expected and transient: it is logged as one line saying what to check, and the work is tried
 * again on its next run.
 */
public enum FailureKind {
  /** The job store's database cannot be reached. */
  STORE_UNAVAILABLE(
      "check that the job store's database is up and reachable from this node (jdbc.url, pool"
          + " size)"),
  /** The registry (ZooKeeper or Redis) cannot be reached. */
  REGISTRY_UNREACHABLE(
      "check that the registry at the node's registryAddress is up and reachable from this node"),
  /** No JobTracker of the cluster is connected. */
  NO_JOB_TRACKER(
      "check that a JobTracker of this cluster runs and is reachable from this node (its host and"
          + " port, the cluster token)"),
  /** Another node did not answer in time, closed the connection, or is busy. */
  PEER_UNAVAILABLE(
      "check that the other node runs, is not overloaded, and that the network between them is up"),
  /** Anything else: a bug or a state the code does not expect; logged with its stack. */
  UNEXPECTED("see the stack trace");

  private final String whatToCheck;

  FailureKind(String whatToCheck) {
    this.whatToCheck = whatToCheck;
  }

  /** What an operator should look at, in one sentence. */
  public String whatToCheck() {
    return whatToCheck;
  }

  /** Whether this failure is expected and passes by itself once the cause is fixed. */
  public boolean isTransient() {
    return this != UNEXPECTED;
  }
}
