package com.lts.remoting;

/**
 * Told when a connection finishes its handshake and when it closes. Called on the callback
 * executor, never on a network thread.
 */
public interface ConnectionListener {

  void connected(RemotingChannel channel);

  void disconnected(RemotingChannel channel);
}
