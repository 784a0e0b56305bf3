package com.lts.core.store;

import com.lts.core.cluster.NodeType;

/** A node group known to the cluster, as LTS Admin lists it. */
public record NodeGroup(NodeType nodeType, String name, long createdTime) {}
