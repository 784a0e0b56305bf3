package com.lts.remoting;

/** No response arrived within the call's timeout; the peer may still process the request. */
public class RemotingTimeoutException extends RemotingException {

  public RemotingTimeoutException(String message) {
    super(message);
  }
}
