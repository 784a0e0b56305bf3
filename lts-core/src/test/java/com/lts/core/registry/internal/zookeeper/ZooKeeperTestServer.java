package com.lts.core.registry.internal.zookeeper;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.registry.Registry;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings shared by the ZooKeeper test classes: a fast-ticking embedded server, short sessions.
 */
final class ZooKeeperTestServer {

  /** Sessions may then last 200 ms to 2 s. */
  static final int TICK_MILLIS = 100;

  static final Duration SESSION_TIMEOUT = Duration.ofMillis(1_500);

  private ZooKeeperTestServer() {}

  static EmbeddedZooKeeper start(Path dataDir) {
    return EmbeddedZooKeeper.start(dataDir, 0, EmbeddedZooKeeper.LOOPBACK, TICK_MILLIS);
  }

  static String address(int port) {
    return "zookeeper://127.0.0.1:" + port;
  }

  static LtsConfig config() {
    return LtsConfig.builder()
        .set(ConfigKeys.ZK_SESSION_TIMEOUT, SESSION_TIMEOUT)
        .set(ConfigKeys.ZK_CONNECTION_TIMEOUT, Duration.ofSeconds(1))
        .set(ConfigKeys.RECONNECT_PERIOD, Duration.ofMillis(100))
        .build();
  }

  /** Makes the client behave as if the server had expired its session. */
  static void expireSession(Registry registry) throws Exception {
    ((ZooKeeperRegistry) registry)
        .client()
        .getZookeeperClient()
        .getZooKeeper()
        .getTestable()
        .injectSessionExpiration();
  }
}
