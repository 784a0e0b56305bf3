package com.lts.core.registry.internal;

import com.lts.core.cluster.Names;
import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeType;
import java.util.Objects;

/**
 * The names nodes and elections live under, shared by every backend: ZooKeeper paths, and Redis
 * keys spelled the same way.
 *
 * <pre>
 * /LTS/{cluster}/NODES/{NODE_TYPE}/{identity}     one registered node (JSON of Node)
 * /LTS/{cluster}/MASTERS/{NODE_TYPE}/{group}      the election of that type and group
 * </pre>
 */
public final class RegistryPaths {

  private final String root;

  public RegistryPaths(String clusterName) {
    this.root = "/LTS/" + clusterName;
  }

  /** Checks the parts of {@code node} that become names; returns it. */
  public static Node requireNameable(Node node) {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(node.getNodeType(), "node type of " + node);
    Names.require("identity", node.getIdentity());
    Names.require("group", node.getGroup());
    return node;
  }

  public String root() {
    return root;
  }

  public String nodes(NodeType type) {
    return root + "/NODES/" + type.name();
  }

  public String node(NodeType type, String identity) {
    return nodes(type) + "/" + identity;
  }

  public String election(NodeType type, String group) {
    return root + "/MASTERS/" + type.name() + "/" + group;
  }
}
