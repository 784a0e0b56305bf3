package com.lts.remoting.internal.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Decides which peer addresses a server without a cluster token accepts. With a token the token is
 * the proof and this filter is not consulted.
 */
@FunctionalInterface
public interface AddressFilter {

  /** Accepts loopback peers only: without a secret, only this machine is trusted. */
  AddressFilter LOOPBACK_ONLY =
      address ->
          address instanceof InetSocketAddress inet
              && inet.getAddress() != null
              && inet.getAddress().isLoopbackAddress();

  boolean accepts(SocketAddress peerAddress);
}
