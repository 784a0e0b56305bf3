package com.lts.remoting.internal.protocol;

/** A frame's header or body cannot be read (too short, unknown kind or status, bad JSON). */
public class MalformedFrameException extends ProtocolException {

  public MalformedFrameException(String message) {
    super(message);
  }

  public MalformedFrameException(String message, Throwable cause) {
    super(message, cause);
  }
}
