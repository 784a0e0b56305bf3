package com.lts.core.registry;

/**
 * Like {@link com.lts.core.cluster.MasterChangeListener}, with the epoch: for code that fences its
 * writes with the master's epoch. Called on the registry's event thread.
 */
public interface MasterStateListener {

  void stateChanged(MasterState state);
}
