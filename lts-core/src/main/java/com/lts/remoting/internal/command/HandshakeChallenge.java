package com.lts.remoting.internal.command;

/** The server's first frame on a new connection: a fresh random nonce, Base64. */
public class HandshakeChallenge {

  private String serverNonce;

  public HandshakeChallenge() {}

  public HandshakeChallenge(String serverNonce) {
    this.serverNonce = serverNonce;
  }

  public String getServerNonce() {
    return serverNonce;
  }

  public void setServerNonce(String serverNonce) {
    this.serverNonce = serverNonce;
  }
}
