package com.lts.core.node;

/**
 * A node's place in the master election of its type and group, for a role that must step aside
 * while it cannot do a master's work (a JobTracker cut off from its store) and come back after.
 */
public interface Candidacy {

  /** A candidacy that cannot be withdrawn, for roles started outside a node (tests, tools). */
  Candidacy FIXED =
      new Candidacy() {
        @Override
        public void withdraw() {}

        @Override
        public void rejoin() {}
      };

  /**
   * Leaves the election: gives up mastership at once if held (listeners are told) and lets another
   * node win it. Does nothing when already withdrawn.
   */
  void withdraw();

  /** Joins the election again after {@link #withdraw()}; does nothing when not withdrawn. */
  void rejoin();
}
