package com.lts.remoting.internal;

/**
 * Told when a connection finishes its handshake and when it closes. Called in order on one event
 * thread of the server or client, never on a network thread.
 */
public interface ConnectionListener {

  void connected(RemotingChannel channel);

  void disconnected(RemotingChannel channel);
}
