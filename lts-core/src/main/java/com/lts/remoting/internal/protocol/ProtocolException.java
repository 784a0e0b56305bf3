package com.lts.remoting.internal.protocol;

import com.lts.remoting.RemotingException;

/**
 * A peer sent bytes that are not a valid LTS frame. The connection they came on is closed; other
 * connections are not affected.
 */
public class ProtocolException extends RemotingException {

  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
