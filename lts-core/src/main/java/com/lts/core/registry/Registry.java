package com.lts.core.registry;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.cluster.NodeType;
import java.util.List;
import java.util.Optional;

/**
 * Where the nodes of one cluster find each other, and where masters are elected. Open one with
 * {@link Registries#open}; each instance owns its connection, threads and state.
 *
 * <p>Registration outlives connection trouble: a node stays registered until {@link #unregister} or
 * {@link #close}, and is written again whenever the connection or session comes back.
 */
public interface Registry extends AutoCloseable {

  /** The cluster whose nodes this registry sees. */
  String clusterName();

  /**
   * Announces {@code node} (identity, type, group, address, threads, create time) to the cluster.
   * Registering the same identity again replaces the entry. Connectivity problems never make this
   * fail: the write is retried in the background until it succeeds.
   */
  void register(Node node);

  /** Removes {@code node}'s entry; no-op when it was not registered here. */
  void unregister(Node node);

  /**
   * Calls {@code listener} for nodes of {@code type} in {@code group} (null: every group): first
   * with the nodes already known, then for every change.
   */
  void subscribe(NodeType type, String group, NodeChangeListener listener);

  /** Stops calling {@code listener} (for every subscription it was given to). */
  void unsubscribe(NodeChangeListener listener);

  /** The nodes of {@code type} this registry currently knows of (only types subscribed to). */
  List<Node> nodes(NodeType type);

  /**
   * A new, not yet started elector making {@code candidate} compete for mastership of its node type
   * and group. The registry closes it when the registry closes.
   */
  MasterElector masterElector(Node candidate);

  /**
   * Who is master of {@code type} and {@code group} now, read from the registry without taking part
   * in the election (what LTS Admin shows); empty when there is none. This default knows none: a
   * registry that can tell overrides it.
   *
   * @throws RegistryException when the registry cannot be read
   */
  default Optional<Node> master(NodeType type, String group) {
    return Optional.empty();
  }

  /** Whether the connection to the registry server is up right now. */
  boolean isConnected();

  /** Unregisters this registry's nodes, stops its electors and releases connections and threads. */
  @Override
  void close();
}
