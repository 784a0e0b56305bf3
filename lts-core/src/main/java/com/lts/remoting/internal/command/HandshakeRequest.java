package com.lts.remoting.internal.command;

import com.lts.core.cluster.NodeType;

/**
 * The client's answer to the challenge: who it is, its own nonce, the address it dialled, and (with
 * a cluster token) the HMAC proving it knows the token. Nonces and MAC are Base64.
 */
public class HandshakeRequest {

  private String identity;
  private NodeType nodeType;
  private String nodeGroup;
  private String clientNonce;
  private String mac;
  private String serverAddress;

  public HandshakeRequest() {}

  /** The address the client dialled, {@code host:port}; the proofs cover it. */
  public String getServerAddress() {
    return serverAddress;
  }

  public void setServerAddress(String serverAddress) {
    this.serverAddress = serverAddress;
  }

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

  public String getClientNonce() {
    return clientNonce;
  }

  public void setClientNonce(String clientNonce) {
    this.clientNonce = clientNonce;
  }

  /** HMAC-SHA256 of the client, Base64; null when the client has no token. */
  public String getMac() {
    return mac;
  }

  public void setMac(String mac) {
    this.mac = mac;
  }
}
