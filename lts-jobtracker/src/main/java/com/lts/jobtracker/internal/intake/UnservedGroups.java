package com.lts.jobtracker.internal.intake;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeType;
import com.lts.core.registry.Registry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node groups that jobs are submitted for while no TaskTracker of the group is online (in the
 * registry): such jobs are stored and wait, and the submitter is told so in the answer's warnings.
 * The JobTracker logs one warning per group, again only after a TaskTracker of it was seen.
 */
public final class UnservedGroups {

  private static final Logger log = LoggerFactory.getLogger(UnservedGroups.class);

  private final Registry registry;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  public UnservedGroups(Registry registry) {
    this.registry = registry;
  }

  /** A warning for each of {@code groups} that has no TaskTracker online; empty when all have. */
  public List<String> warnings(Collection<String> groups) {
    if (groups.isEmpty() || !registry.isConnected()) {
      return List.of(); // what the registry shows now may be stale: say nothing
    }
    Set<String> online = new HashSet<>();
    for (Node node : registry.nodes(NodeType.TASK_TRACKER)) {
      online.add(node.getGroup());
    }
    warned.removeIf(online::contains); // served again: warn anew when it goes missing
    List<String> warnings = new ArrayList<>();
    for (String group : groups) {
      if (online.contains(group)) {
        continue;
      }
      String warning =
          "No TaskTracker of node group '"
              + group
              + "' is online: its jobs are stored and wait until one joins (is the group name"
              + " the one the TaskTrackers set with setNodeGroup?)";
      warnings.add(warning);
      if (warned.add(group)) {
        log.warn("{}. Logged once until a TaskTracker of the group comes.", warning);
      }
    }
    return warnings;
  }
}
