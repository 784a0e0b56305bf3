package com.lts.remoting.internal;

import com.lts.core.cluster.NodeType;

/**
 * Who is at the other end of a connection, as stated in its handshake (and proven by the cluster
 * token when one is configured).
 */
public record Peer(String identity, NodeType nodeType, String nodeGroup) {}
