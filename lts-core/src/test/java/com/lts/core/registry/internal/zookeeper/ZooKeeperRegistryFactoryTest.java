package com.lts.core.registry.internal.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.registry.Registries;
import com.lts.core.registry.RegistryException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZooKeeperRegistryFactoryTest {

  @Test
  void connectStringIsTheHostList() {
    assertThat(ZooKeeperRegistryFactory.connectString("zookeeper://h1:2181,h2:2182/"))
        .isEqualTo("h1:2181,h2:2182");
  }

  @Test
  void hostWithoutPortIsRefused() {
    assertThatThrownBy(() -> ZooKeeperRegistryFactory.connectString("zookeeper://h1:2181,h2"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("'h2' is not host:port");
  }

  @Test
  void unreachableServerFailsWithinTheConnectionTimeout() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    LtsConfig config =
        LtsConfig.builder().set(ConfigKeys.ZK_CONNECTION_TIMEOUT, Duration.ofSeconds(1)).build();

    assertThatThrownBy(() -> Registries.open("zookeeper://127.0.0.1:" + closedPort, "c", config))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("Cannot connect to ZooKeeper at 127.0.0.1:" + closedPort)
        .hasMessageContaining("zk.connection.timeout");
  }
}
