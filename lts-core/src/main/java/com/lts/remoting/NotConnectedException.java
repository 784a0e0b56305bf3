package com.lts.remoting;

/** A call was made while the client had no working connection; it failed without waiting. */
public class NotConnectedException extends RemotingConnectException {

  public NotConnectedException(String message, Throwable lastFailure) {
    super(message, lastFailure);
  }
}
