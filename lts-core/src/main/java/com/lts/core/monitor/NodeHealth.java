package com.lts.core.monitor;

import com.lts.core.cluster.NodeType;

/**
 * One node's health now, from {@code node.health()}: what a load balancer's check or LTS Admin's
 * node status reads.
 *
 * @param started whether the node is running
 * @param registryConnected whether its registry connection is up (false since a {@code
 *     RegistryLost} until the {@code RegistryBack})
 * @param storeReachable for a JobTracker, whether its job store answers (false since a {@code
 *     StoreUnavailable} until the {@code StoreBack}); null for nodes without a store
 * @param master whether it is master of its type and group
 * @param failStoreBacklog entries waiting in its FailStores to be sent again (0 for a JobTracker)
 */
public record NodeHealth(
    String identity,
    NodeType nodeType,
    String nodeGroup,
    boolean started,
    boolean registryConnected,
    Boolean storeReachable,
    boolean master,
    long failStoreBacklog) {

  /** Started, connected to the registry, and (a JobTracker) reaching its store. */
  public boolean up() {
    return started && registryConnected && !Boolean.FALSE.equals(storeReachable);
  }

  /** {@code UP} or {@code DOWN}. */
  public String status() {
    return up() ? "UP" : "DOWN";
  }
}
