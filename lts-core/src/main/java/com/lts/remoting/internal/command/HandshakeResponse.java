package com.lts.remoting.internal.command;

import com.lts.core.cluster.NodeType;

/** The server's side of a successful handshake: who it is and its own proof of the token. */
public class HandshakeResponse {

  private String identity;
  private NodeType nodeType;
  private String nodeGroup;
  private String mac;

  public HandshakeResponse() {}

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  public NodeType getNodeType() {
    return nodeType;
  }

  public void setNodeType(NodeType nodeType) {
    this.nodeType = nodeType;
  }

  public String getNodeGroup() {
    return nodeGroup;
  }

  public void setNodeGroup(String nodeGroup) {
    this.nodeGroup = nodeGroup;
  }

  /** HMAC-SHA256 of the server, Base64; null when the server has no token. */
  public String getMac() {
    return mac;
  }

  public void setMac(String mac) {
    this.mac = mac;
  }
}
