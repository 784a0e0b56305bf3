package com.lts.admin.api;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.cluster.NodeType;
import com.lts.core.registry.Registry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The nodes online now, kept up to date from the registry, and the watchers (live pages) told of
 * every join and leave.
 */
public final class ClusterView implements NodeChangeListener {

  /** A join or leave as a live page receives it. */
  public record Change(String kind, Map<String, Object> node) {}

  private final Registry registry;
  private final Map<String, Node> online = new ConcurrentHashMap<>();
  private final List<BlockingQueue<Change>> watchers = new CopyOnWriteArrayList<>();

  public ClusterView(Registry registry) {
    this.registry = registry;
    for (NodeType type : NodeType.values()) {
      registry.subscribe(type, null, this);
    }
  }

  @Override
  public void added(List<Node> nodes) {
    for (Node node : nodes) {
      online.put(node.getIdentity(), node);
      tell(new Change("added", json(node)));
    }
  }

  @Override
  public void removed(List<Node> nodes) {
    for (Node node : nodes) {
      online.remove(node.getIdentity(), node);
      tell(new Change("removed", json(node)));
    }
  }

  private void tell(Change change) {
    for (BlockingQueue<Change> watcher : watchers) {
      watcher.offer(change);
    }
  }

  /** Online nodes by type, then group, then identity. */
  public List<Node> nodes() {
    List<Node> nodes = new ArrayList<>(online.values());
    nodes.sort(
        Comparator.comparing(Node::getNodeType)
            .thenComparing(Node::getGroup, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Node::getIdentity));
    return nodes;
  }

  /** Whether a TaskTracker of {@code group} is online. */
  public boolean hasTaskTracker(String group) {
    return online.values().stream()
        .anyMatch(n -> n.getNodeType() == NodeType.TASK_TRACKER && group.equals(n.getGroup()));
  }

  /** How many nodes of each type and group are online. */
  public Map<String, Map<String, Integer>> counts() {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (Node node : nodes()) {
      counts
          .computeIfAbsent(node.getNodeType().name(), t -> new LinkedHashMap<>())
          .merge(String.valueOf(node.getGroup()), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * The master of each node type and group that has nodes online, by {@code TYPE/group}: read from
   * the registry's elections, so it is whoever the nodes elected (groups without one are absent).
   */
  public Map<String, String> masters() {
    Map<String, String> masters = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    for (Node node : nodes()) {
      String key = node.getNodeType().name() + "/" + node.getGroup();
      if (node.getGroup() != null && seen.add(key)) {
        registry
            .master(node.getNodeType(), node.getGroup())
            .ifPresent(master -> masters.put(key, master.getIdentity()));
      }
    }
    return masters;
  }

  /** A queue of every change from now on; give it back with {@link #unwatch}. */
  public BlockingQueue<Change> watch() {
    BlockingQueue<Change> queue = new LinkedBlockingQueue<>(10_000);
    watchers.add(queue);
    return queue;
  }

  public void unwatch(BlockingQueue<Change> queue) {
    watchers.remove(queue);
  }

  static Map<String, Object> json(Node node) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("identity", node.getIdentity());
    json.put("nodeType", node.getNodeType().name());
    json.put("group", node.getGroup());
    json.put("ip", node.getIp());
    json.put("port", node.getPort());
    json.put("hostName", node.getHostName());
    json.put("threads", node.getThreads());
    json.put("createTime", node.getCreateTime());
    json.put("version", node.getVersion());
    return json;
  }
}
