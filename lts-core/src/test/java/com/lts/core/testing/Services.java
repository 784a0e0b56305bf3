package com.lts.core.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks that an external server a test needs (MariaDB, PostgreSQL, Redis) is reachable on
 * loopback. When it is not, the test is skipped with the reason, unless {@code
 * LTS_REQUIRE_SERVICES=1} (set by {@code .ci/run}), which makes it fail instead.
 */
public final class Services {

  public static final String REQUIRE_ENV = "LTS_REQUIRE_SERVICES";

  private Services() {}

  public static boolean required() {
    return "1".equals(System.getenv(REQUIRE_ENV));
  }

  /**
   * Skips (or, when services are required, fails) the calling test unless host:port accepts TCP.
   */
  public static void assumeReachable(String what, String host, int port) {
    if (reachable(host, port)) {
      return;
    }
    String reason =
        what
            + " is not reachable on "
            + host
            + ":"
            + port
            + " (start it, or see .ci/run for the command)";
    if (required()) {
      Assertions.fail(reason + "; " + REQUIRE_ENV + "=1 makes this a failure");
    }
    Assumptions.abort(reason);
  }

  public static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
