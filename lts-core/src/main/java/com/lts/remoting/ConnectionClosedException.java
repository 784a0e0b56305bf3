package com.lts.remoting;

/** The connection closed while a call on it was waiting for its response. */
public class ConnectionClosedException extends RemotingException {

  public ConnectionClosedException(String message) {
    super(message);
  }
}
