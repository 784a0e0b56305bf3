package com.lts.core.registry;

import com.lts.core.registry.internal.zookeeper.ZooKeeperRegistryFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

/**
 * A real single ZooKeeper server inside this JVM, for a one-machine setup and tests. Other
 * processes reach it like any ZooKeeper, at {@link #address()}. Data (and so persistent znodes)
 * stays in the data folder across restarts.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

  public static final String LOOPBACK = "127.0.0.1";

  /** ZooKeeper's own default; sessions may then last 4 s to 40 s. */
  public static final int DEFAULT_TICK_MILLIS = 2_000;

  private static final long START_TIMEOUT_MILLIS = 30_000;

  private final ZooKeeperServerEmbedded server;
  private final String host;
  private final int port;

  private EmbeddedZooKeeper(ZooKeeperServerEmbedded server, String host, int port) {
    this.server = server;
    this.host = host;
    this.port = port;
  }

  /** Starts a server on 127.0.0.1:{@code port} (0: a free port) keeping data in {@code dataDir}. */
  public static EmbeddedZooKeeper start(Path dataDir, int port) {
    return start(dataDir, port, LOOPBACK, DEFAULT_TICK_MILLIS);
  }

  /**
   * Starts a server.
   *
   * @param bindAddress the address to listen on (use 0.0.0.0 only if other machines must reach it)
   * @param tickMillis ZooKeeper's tick; sessions may last from 2 to 20 ticks
   */
  public static EmbeddedZooKeeper start(
      Path dataDir, int port, String bindAddress, int tickMillis) {
    int chosenPort = port == 0 ? freePort(bindAddress) : checkFree(bindAddress, port);
    Properties properties = new Properties();
    properties.setProperty("tickTime", Integer.toString(tickMillis));
    properties.setProperty("initLimit", "10");
    properties.setProperty("syncLimit", "5");
    properties.setProperty("dataDir", dataDir.resolve("data").toAbsolutePath().toString());
    properties.setProperty("clientPort", Integer.toString(chosenPort));
    properties.setProperty("clientPortAddress", bindAddress);
    properties.setProperty("admin.enableServer", "false");
    ZooKeeperServerEmbedded server = null;
    try {
      Files.createDirectories(dataDir);
      server =
          ZooKeeperServerEmbedded.builder()
              .baseDir(dataDir)
              .configuration(properties)
              .exitHandler(ExitHandler.LOG_ONLY)
              .build();
      server.start(START_TIMEOUT_MILLIS);
    } catch (Exception e) {
      if (server != null) {
        server.close();
      }
      throw new RegistryException(
          "Cannot start the embedded ZooKeeper on "
              + bindAddress
              + ":"
              + chosenPort
              + " with data in "
              + dataDir
              + ": "
              + causes(e),
          e);
    }
    String host = "0.0.0.0".equals(bindAddress) ? LOOPBACK : bindAddress;
    return new EmbeddedZooKeeper(server, host, chosenPort);
  }

  /**
   * {@code port}, after making sure it is free: ZooKeeper's own server would only log a bind
   * failure and leave its start to time out without a cause.
   */
  private static int checkFree(String bindAddress, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
      return port;
    } catch (IOException e) {
      throw new RegistryException(
          "Cannot start the embedded ZooKeeper on "
              + bindAddress
              + ":"
              + port
              + ": "
              + causes(e)
              + ". Another process listens there (a ZooKeeper already running? then use it and"
              + " leave the embedded one out), or choose another port in the registry address",
          e);
    }
  }

  /** Each distinct cause of {@code e}, outermost first: what happened, even when no message. */
  static String causes(Throwable e) {
    StringBuilder s = new StringBuilder();
    int depth = 0;
    for (Throwable t = e; t != null && depth < 5; t = t.getCause(), depth++) {
      String part = t.getMessage() == null ? t.getClass().getName() : t.toString();
      if (s.indexOf(part) < 0) {
        s.append(s.length() == 0 ? "" : " <- ").append(part);
      }
    }
    return s.toString();
  }

  private static int freePort(String bindAddress) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new RegistryException("No free port on " + bindAddress + " for ZooKeeper", e);
    }
  }

  public int port() {
    return port;
  }

  /** {@code host:port}, as ZooKeeper clients write it. */
  public String connectString() {
    return host + ":" + port;
  }

  /** The registry address of this server, {@code zookeeper://host:port}. */
  public String address() {
    return ZooKeeperRegistryFactory.SCHEME + "://" + connectString();
  }

  /** Stops the server; its clients lose their connection. */
  @Override
  public void close() {
    server.close();
  }
}
