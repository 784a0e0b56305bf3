package com.lts.remoting.internal.protocol;

/** A frame names a command code this node does not know, so its body cannot be read. */
public class UnknownCommandException extends ProtocolException {

  public UnknownCommandException(String message) {
    super(message);
  }
}
