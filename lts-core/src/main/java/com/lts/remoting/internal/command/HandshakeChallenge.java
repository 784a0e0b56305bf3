package com.lts.remoting.internal.command;

/**
 * The server's first frame on a new connection: a fresh random nonce, Base64, and the server's
 * identity, which the client's proof covers.
 */
public class HandshakeChallenge {

  private String serverNonce;
  private String identity;

  public HandshakeChallenge() {}

  public HandshakeChallenge(String serverNonce, String identity) {
    this.serverNonce = serverNonce;
    this.identity = identity;
  }

  public String getIdentity() {
    return identity;
  }

  public void setIdentity(String identity) {
    this.identity = identity;
  }

  public String getServerNonce() {
    return serverNonce;
  }

  public void setServerNonce(String serverNonce) {
    this.serverNonce = serverNonce;
  }
}
