package com.lts.remoting.internal.auth;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether the address a client says it dialled is this server: the IP address and port the
 * connection arrived on, {@code localhost} on a loopback connection, or one of the configured
 * aliases ({@code lts.remoting.server.aliases}: DNS names, NAT or proxy addresses). No name is
 * looked up, so the check never blocks the event loop.
 */
public final class ServerAddresses {

  private final Set<String> aliases;

  /**
   * @param aliases {@code host} (on the port the connection arrived on) or {@code host:port}
   */
  public ServerAddresses(Set<String> aliases) {
    this.aliases =
        aliases.stream()
            .map(String::trim)
            .filter(a -> !a.isEmpty())
            .map(a -> a.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Parses a comma-separated list, as the configuration key holds it; null for none. */
  public static ServerAddresses parse(String commaSeparated) {
    return new ServerAddresses(
        commaSeparated == null ? Set.of() : Set.of(commaSeparated.split("\\s*,\\s*")));
  }

  /** {@code host:port} as a client writes the address it dials ({@code [v6]:port} for IPv6). */
  public static String format(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  /** Whether {@code host} is {@code localhost} or a loopback IP literal (no name is looked up). */
  public static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress literal = NetUtil.createInetAddressFromIpAddressString(bare);
    return literal != null && literal.isLoopbackAddress();
  }

  /** Why {@code dialled} is not this server as the connection reached it, or null when it is. */
  public String problem(String dialled, SocketAddress local) {
    if (dialled == null || dialled.isBlank()) {
      return "handshake without the address the client dialled";
    }
    int colon = dialled.lastIndexOf(':');
    String host = colon < 0 ? dialled : dialled.substring(0, colon);
    int port;
    try {
      port = colon < 0 ? -1 : Integer.parseInt(dialled.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    host = host.toLowerCase(Locale.ROOT);
    if (local instanceof InetSocketAddress here) {
      if (port == here.getPort() && isThisHost(host, here.getAddress())) {
        return null;
      }
      if (aliases.contains(host + ":" + port)
          || (port == here.getPort() && aliases.contains(host))) {
        return null;
      }
    }
    return "the client dialled "
        + dialled
        + ", which is not this server ("
        + local
        + "): a relay or proxy in between? Add the address clients use to"
        + " lts.remoting.server.aliases if it is this server's";
  }

  private static boolean isThisHost(String host, InetAddress local) {
    if (local == null) {
      return false;
    }
    if (host.equals("localhost")) {
      return local.isLoopbackAddress();
    }
    if (!NetUtil.isValidIpV4Address(host) && !NetUtil.isValidIpV6Address(host)) {
      return false;
    }
    byte[] dialled = NetUtil.createByteArrayFromIpAddressString(host);
    byte[] arrived = local.getAddress();
    if (dialled == null) {
      return false;
    }
    return java.util.Arrays.equals(normalize(dialled), normalize(arrived));
  }

  /** IPv4 as 4 bytes, also when written as an IPv4-mapped IPv6 address. */
  private static byte[] normalize(byte[] address) {
    if (address.length == 16) {
      boolean mapped = true;
      for (int i = 0; i < 10; i++) {
        mapped &= address[i] == 0;
      }
      mapped &= address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
      if (mapped) {
        return java.util.Arrays.copyOfRange(address, 12, 16);
      }
    }
    return address;
  }
}
