package com.lts.core.registry;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records what a {@link NodeChangeListener} is told, and the view it implies. A node added while
 * already in view, or removed while not in view, is a duplicate the registry must never report.
 */
public final class NodeRecorder implements NodeChangeListener {

  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Node> view = new ConcurrentHashMap<>();
  private final List<String> inconsistencies = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> threads = ConcurrentHashMap.newKeySet();

  @Override
  public void added(List<Node> nodes) {
    threads.add(Thread.currentThread().getName());
    for (Node node : nodes) {
      events.add("+" + node.getIdentity());
      if (view.put(node.getIdentity(), node) != null) {
        inconsistencies.add("added twice: " + node.getIdentity());
      }
    }
  }

  @Override
  public void removed(List<Node> nodes) {
    threads.add(Thread.currentThread().getName());
    for (Node node : nodes) {
      events.add("-" + node.getIdentity());
      if (view.remove(node.getIdentity()) == null) {
        inconsistencies.add("removed while absent: " + node.getIdentity());
      }
    }
  }

  /** The identities in view. */
  public Set<String> identities() {
    return Set.copyOf(view.keySet());
  }

  public Node node(String identity) {
    return view.get(identity);
  }

  /** {@code +id} / {@code -id} for one node, in order. */
  public List<String> eventsOf(String identity) {
    synchronized (events) {
      return events.stream().filter(e -> e.substring(1).equals(identity)).toList();
    }
  }

  public int eventCount() {
    return events.size();
  }

  public List<String> inconsistencies() {
    return List.copyOf(inconsistencies);
  }

  public Set<String> threads() {
    return Set.copyOf(threads);
  }
}
