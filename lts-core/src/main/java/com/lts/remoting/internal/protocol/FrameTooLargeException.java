package com.lts.remoting.internal.protocol;

/** A frame is longer than the configured maximum ({@code netty.frame.length.max}). */
public class FrameTooLargeException extends ProtocolException {

  public FrameTooLargeException(String message) {
    super(message);
  }

  public FrameTooLargeException(String message, Throwable cause) {
    super(message, cause);
  }
}
