package com.lts.remoting;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.remoting.internal.client.ClientSettings;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.server.RemotingServer;
import com.lts.remoting.internal.server.ServerSettings;
import java.time.Duration;

/** Servers and clients on 127.0.0.1 with short timeouts, for the remoting tests. */
public final class Loopback {

  public static final String HOST = "127.0.0.1";

  private Loopback() {}

  public static NodeConfig node(NodeType type, String identity, String token) {
    NodeConfig.Builder b = NodeConfig.builder(type).identity(identity).listenPort(0);
    if (token != null) {
      b.config(ConfigKeys.CLUSTER_TOKEN, token);
    }
    return b.build();
  }

  /** Server settings: ephemeral port on loopback, short handshake timeout. */
  public static ServerSettings.Builder serverSettings(String token) {
    return ServerSettings.builder(node(NodeType.JOB_TRACKER, "jt-test", token))
        .bindAddress(HOST)
        .port(0)
        .handshakeTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(10));
  }

  public static ClientSettings.Builder clientSettings(String identity, String token, int port) {
    return ClientSettings.builder(node(NodeType.TASK_TRACKER, identity, token), HOST, port)
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(10))
        .reconnectDelays(Duration.ofMillis(20), Duration.ofMillis(200));
  }

  public static RemotingServer startServer(ServerSettings settings) {
    RemotingServer server = new RemotingServer(settings);
    server.start();
    return server;
  }

  public static RemotingClient connectedClient(ClientSettings settings) {
    RemotingClient client = new RemotingClient(settings);
    client.start();
    client.awaitConnected(Duration.ofSeconds(5));
    return client;
  }
}
