package com.lts.remoting;

/** A connection to a peer could not be opened or its handshake did not finish in time. */
public class RemotingConnectException extends RemotingException {

  public RemotingConnectException(String message) {
    super(message);
  }

  public RemotingConnectException(String message, Throwable cause) {
    super(message, cause);
  }
}
