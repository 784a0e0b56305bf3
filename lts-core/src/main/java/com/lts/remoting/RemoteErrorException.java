package com.lts.remoting;

import com.lts.core.event.FailureKind;

/** The peer answered a request with an error status, e.g. busy or no processor for the command. */
public class RemoteErrorException extends RemotingException {

  private final ResponseStatus status;
  private final String remoteMessage;

  public RemoteErrorException(ResponseStatus status, String remoteMessage, String context) {
    super(context + " failed on the peer with " + status + ": " + remoteMessage);
    this.status = status;
    this.remoteMessage = remoteMessage;
  }

  public ResponseStatus status() {
    return status;
  }

  /** The message the peer sent with the error. */
  public String remoteMessage() {
    return remoteMessage;
  }

  @Override
  public FailureKind failureKind() {
    return status() == ResponseStatus.SYSTEM_BUSY
        ? FailureKind.PEER_UNAVAILABLE
        : FailureKind.UNEXPECTED;
  }
}
