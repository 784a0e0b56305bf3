package com.lts.remoting.internal.protocol;

/** A frame carries a protocol version this node does not speak. */
public class UnsupportedVersionException extends ProtocolException {

  public UnsupportedVersionException(String message) {
    super(message);
  }
}
