package com.lts.core.store;

import com.lts.core.cluster.NodeType;
import java.util.List;

/** The node groups of each node type, as added by nodes or by an operator. */
public interface NodeGroupStore {

  /** Returns false when it exists already. */
  boolean add(NodeType nodeType, String name);

  /** Ordered by name. */
  List<NodeGroup> list(NodeType nodeType);

  /** Returns false when it did not exist. */
  boolean remove(NodeType nodeType, String name);
}
