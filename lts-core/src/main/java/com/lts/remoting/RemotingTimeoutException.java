package com.lts.remoting;

import com.lts.core.event.FailureKind;

/** No response arrived within the call's timeout; the peer may still process the request. */
public class RemotingTimeoutException extends RemotingException {

  public RemotingTimeoutException(String message) {
    super(message);
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.PEER_UNAVAILABLE;
  }
}
