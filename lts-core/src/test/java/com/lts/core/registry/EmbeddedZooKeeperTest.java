package com.lts.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedZooKeeperTest {

  @TempDir Path dataDir;

  @Test
  void servesOnAFreeLoopbackPortAndKeepsDataAcrossRestarts() throws Exception {
    int port;
    try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start(dataDir, 0)) {
      port = server.port();
      assertThat(port).isPositive();
      assertThat(server.connectString()).isEqualTo("127.0.0.1:" + port);
      assertThat(server.address()).isEqualTo("zookeeper://127.0.0.1:" + port);
      try (CuratorFramework client = connect(server)) {
        client.create().forPath("/kept", "yes".getBytes(StandardCharsets.UTF_8));
      }
    }

    try (EmbeddedZooKeeper again = EmbeddedZooKeeper.start(dataDir, port);
        CuratorFramework client = connect(again)) {
      assertThat(new String(client.getData().forPath("/kept"), StandardCharsets.UTF_8))
          .isEqualTo("yes");
    }
  }

  @Test
  void twoServersInOneJvmAreIndependent(@TempDir Path otherDir) throws Exception {
    try (EmbeddedZooKeeper first = EmbeddedZooKeeper.start(dataDir, 0);
        EmbeddedZooKeeper second = EmbeddedZooKeeper.start(otherDir, 0);
        CuratorFramework one = connect(first);
        CuratorFramework two = connect(second)) {
      one.create().forPath("/only-in-first");
      assertThat(second.port()).isNotEqualTo(first.port());
      assertThat(two.checkExists().forPath("/only-in-first")).isNull();
    }
  }

  @Test
  void aTakenPortFailsTheStartNamingTheCause() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> EmbeddedZooKeeper.start(dataDir, taken.getLocalPort()))
          .isInstanceOf(RegistryException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("java.net.BindException")
          .hasMessageContaining("Another process listens there");
    }
  }

  @Test
  void causesNameEachLevelEvenWithoutMessage() {
    Exception e =
        new IllegalStateException(
            (String) null, new java.net.BindException("Address already in use"));
    assertThat(EmbeddedZooKeeper.causes(e))
        .isEqualTo(
            "java.lang.IllegalStateException <- java.net.BindException: Address already in use");
  }

  private static CuratorFramework connect(EmbeddedZooKeeper server) throws InterruptedException {
    CuratorFramework client =
        CuratorFrameworkFactory.newClient(server.connectString(), new RetryOneTime(100));
    client.start();
    assertThat(client.blockUntilConnected(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    return client;
  }
}
