package com.lts.remoting.internal.protocol;

/** The connection closed in the middle of a frame. */
public class TruncatedFrameException extends ProtocolException {

  public TruncatedFrameException(String message) {
    super(message);
  }
}
