package com.lts.remoting.internal.heartbeat;

import com.lts.remoting.RemotingException;

/** A peer stayed silent past the idle limit, so its connection was closed. */
public class PeerIdleException extends RemotingException {

  public PeerIdleException(String message) {
    super(message);
  }
}
