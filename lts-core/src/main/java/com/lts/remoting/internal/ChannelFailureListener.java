package com.lts.remoting.internal;

import java.net.SocketAddress;

/**
 * Told when a connection is closed because of a failure on it (bad frame, failed handshake, idle
 * peer). Called on the network thread that saw the failure: keep it short.
 */
@FunctionalInterface
public interface ChannelFailureListener {

  void failed(SocketAddress remoteAddress, Throwable failure);
}
