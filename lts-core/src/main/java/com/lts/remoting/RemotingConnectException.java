package com.lts.remoting;

import com.lts.core.event.FailureKind;

/** A connection to a peer could not be opened or its handshake did not finish in time. */
public class RemotingConnectException extends RemotingException {

  public RemotingConnectException(String message) {
    super(message);
  }

  public RemotingConnectException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.PEER_UNAVAILABLE;
  }
}
