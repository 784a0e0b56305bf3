package com.lts.core.internal.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * Which address a node listens on and announces in the registry. Without a cluster token a
 * JobTracker only accepts loopback peers, so it also listens and announces on loopback: a
 * one-machine cluster works out of the box and nothing is exposed. With a token it listens on every
 * interface and announces this host's first site-local IPv4 address. {@code setBindIp} overrides
 * both.
 */
public final class NodeAddresses {

  static final String LOOPBACK = "127.0.0.1";
  static final String ANY = "0.0.0.0";

  private NodeAddresses() {}

  /** The address a server binds to. */
  public static String bindAddress(String bindIp, boolean tokenSet) {
    if (bindIp != null && !bindIp.isBlank()) {
      return bindIp.trim();
    }
    return tokenSet ? ANY : LOOPBACK;
  }

  /** The address others are told to connect to. */
  public static String announcedAddress(String bindIp, boolean tokenSet) {
    if (bindIp != null && !bindIp.isBlank() && !ANY.equals(bindIp.trim())) {
      return bindIp.trim();
    }
    return tokenSet ? siteLocalAddress() : LOOPBACK;
  }

  private static String siteLocalAddress() {
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
            return address.getHostAddress();
          }
        }
      }
      return InetAddress.getLocalHost().getHostAddress();
    } catch (SocketException | java.net.UnknownHostException e) {
      return LOOPBACK;
    }
  }

  /** This host's name, for display. */
  public static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
  }
}
