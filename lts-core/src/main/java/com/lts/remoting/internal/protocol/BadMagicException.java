package com.lts.remoting.internal.protocol;

/** A frame does not start with the LTS magic number: the peer does not speak this protocol. */
public class BadMagicException extends ProtocolException {

  public BadMagicException(String message) {
    super(message);
  }
}
