package com.lts.remoting;

import com.lts.core.LtsException;

/**
 * Root of every failure of the remoting layer: connecting, calling, the protocol, the handshake.
 */
public class RemotingException extends LtsException {

  public RemotingException(String message) {
    super(message);
  }

  public RemotingException(String message, Throwable cause) {
    super(message, cause);
  }
}
