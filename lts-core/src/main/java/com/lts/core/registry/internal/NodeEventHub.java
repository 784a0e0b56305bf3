package com.lts.core.registry.internal;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.cluster.NodeType;
import com.lts.core.internal.json.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Turns full views of the registered nodes of a type into "added" and "removed" calls. Backends
 * only report what they currently see; comparing with the last view here is what makes reconnects
 * come out right: nodes gone meanwhile are reported removed, new ones added, and unchanged ones not
 * reported again.
 *
 * <p>All state below except {@link #published} and {@link #types} is touched only on the event
 * thread.
 */
public final class NodeEventHub {

  private final RegistryEventThread events;
  private final Map<NodeType, Map<String, Known>> known = new EnumMap<>(NodeType.class);
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final Map<NodeType, List<Node>> published = new ConcurrentHashMap<>();
  private final Set<NodeType> types = ConcurrentHashMap.newKeySet();
  private final Set<NodeType> refreshQueued = ConcurrentHashMap.newKeySet();

  public NodeEventHub(RegistryEventThread events) {
    this.events = events;
  }

  /** Adds a subscription; the listener is first told the nodes already known. */
  public void subscribe(NodeType type, String group, NodeChangeListener listener) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(listener, "listener");
    types.add(type);
    events.post(
        () -> {
          Subscription subscription = new Subscription(type, group, listener);
          subscriptions.add(subscription);
          List<Node> current =
              view(type).values().stream().map(Known::node).filter(subscription::wants).toList();
          if (!current.isEmpty()) {
            listener.added(current);
          }
        });
  }

  public void unsubscribe(NodeChangeListener listener) {
    events.post(() -> subscriptions.removeIf(s -> s.listener() == listener));
  }

  /** The node types anyone subscribed to. */
  public Set<NodeType> subscribedTypes() {
    return Set.copyOf(types);
  }

  /** The last view of {@code type}. */
  public List<Node> nodes(NodeType type) {
    return published.getOrDefault(type, List.of());
  }

  /** Reports the full current view of {@code type}; listeners are told the difference. */
  public void update(NodeType type, Collection<Node> nodes) {
    List<Node> copy = List.copyOf(nodes);
    events.post(() -> apply(type, copy));
  }

  /**
   * Reads the view of {@code type} with {@code reader} on the event thread and applies it. Calls
   * made while one is still queued are merged into it.
   */
  public void refresh(NodeType type, Supplier<Collection<Node>> reader) {
    if (refreshQueued.add(type)) {
      events.post(
          () -> {
            refreshQueued.remove(type);
            apply(type, reader.get());
          });
    }
  }

  private void apply(NodeType type, Collection<Node> nodes) {
    Map<String, Known> before = view(type);
    Map<String, Known> after = new LinkedHashMap<>();
    for (Node node : nodes) {
      after.put(node.getIdentity(), new Known(node, Json.toJson(node)));
    }
    List<Node> removed = new ArrayList<>();
    List<Node> added = new ArrayList<>();
    before.forEach(
        (identity, old) -> {
          Known now = after.get(identity);
          if (now == null || !now.json().equals(old.json())) {
            removed.add(old.node());
          }
        });
    after.forEach(
        (identity, now) -> {
          Known old = before.get(identity);
          if (old == null || !old.json().equals(now.json())) {
            added.add(now.node());
          }
        });
    known.put(type, after);
    published.put(type, after.values().stream().map(Known::node).toList());
    if (removed.isEmpty() && added.isEmpty()) {
      return;
    }
    for (Subscription subscription : List.copyOf(subscriptions)) {
      if (subscription.type() == type) {
        subscription.tell(removed, added);
      }
    }
  }

  private Map<String, Known> view(NodeType type) {
    return known.getOrDefault(type, Map.of());
  }

  /** A node with its serialized form, which decides whether an entry changed. */
  private record Known(Node node, String json) {}

  private record Subscription(NodeType type, String group, NodeChangeListener listener) {

    boolean wants(Node node) {
      return group == null || group.equals(node.getGroup());
    }

    void tell(List<Node> removed, List<Node> added) {
      List<Node> gone = removed.stream().filter(this::wants).toList();
      List<Node> came = added.stream().filter(this::wants).toList();
      // Removed first, so a node re-registered with a new entry is never seen twice at once.
      if (!gone.isEmpty()) {
        listener.removed(gone);
      }
      if (!came.isEmpty()) {
        listener.added(came);
      }
    }
  }
}
