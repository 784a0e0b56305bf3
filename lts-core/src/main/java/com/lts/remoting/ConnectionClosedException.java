package com.lts.remoting;

import com.lts.core.event.FailureKind;

/** The connection closed while a call on it was waiting for its response. */
public class ConnectionClosedException extends RemotingException {

  public ConnectionClosedException(String message) {
    super(message);
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.PEER_UNAVAILABLE;
  }
}
