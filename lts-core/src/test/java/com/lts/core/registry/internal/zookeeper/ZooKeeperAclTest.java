package com.lts.core.registry.internal.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.registry.Registries;
import com.lts.core.registry.Registry;
import com.lts.core.registry.RegistryException;
import com.lts.core.registry.internal.RegistryPaths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With registry.auth.* set, what LTS writes to ZooKeeper is its digest user's alone. */
class ZooKeeperAclTest {

  @TempDir static Path dataDir;
  private static EmbeddedZooKeeper server;

  @BeforeAll
  static void startServer() {
    server = ZooKeeperTestServer.start(dataDir);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static LtsConfig withUser(String user, String password) {
    return ZooKeeperTestServer.config().toBuilder()
        .set(ConfigKeys.REGISTRY_USERNAME, user)
        .set(ConfigKeys.REGISTRY_PASSWORD, password)
        .build();
  }

  private static CuratorFramework curator(String digest) {
    CuratorFrameworkFactory.Builder b =
        CuratorFrameworkFactory.builder()
            .connectString("127.0.0.1:" + server.port())
            .retryPolicy(new RetryOneTime(100));
    if (digest != null) {
      b.authorization("digest", digest.getBytes(StandardCharsets.UTF_8));
    }
    CuratorFramework client = b.build();
    client.start();
    return client;
  }

  private static Node node(String identity) {
    Node node = new Node();
    node.setNodeType(NodeType.TASK_TRACKER);
    node.setIdentity(identity);
    node.setGroup("acl");
    node.setClusterName("acl");
    node.setIp("127.0.0.1");
    node.setHostName("localhost");
    node.setThreads(1);
    node.setVersion("test");
    return node;
  }

  @Test
  void onlyTheDigestUserCanReadOrChangeWhatLtsWrote() throws Exception {
    String nodes = new RegistryPaths("acl").nodes(NodeType.TASK_TRACKER);
    try (Registry registry =
            Registries.open(
                ZooKeeperTestServer.address(server.port()), "acl", withUser("lts", "s3cret"));
        CuratorFramework owner = curator("lts:s3cret");
        CuratorFramework anonymous = curator(null);
        CuratorFramework guesser = curator("lts:guess")) {
      registry.register(node("tt-acl"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  owner.checkExists().forPath(nodes) != null
                      && owner.getChildren().forPath(nodes).size() == 1);

      assertThatThrownBy(() -> anonymous.getChildren().forPath(nodes))
          .isInstanceOf(KeeperException.NoAuthException.class);
      assertThatThrownBy(() -> guesser.getChildren().forPath(nodes))
          .isInstanceOf(KeeperException.NoAuthException.class);
      assertThatThrownBy(() -> anonymous.create().forPath(nodes + "/intruder"))
          .isInstanceOf(KeeperException.NoAuthException.class);
      assertThat(owner.getACL().forPath(nodes))
          .singleElement()
          .satisfies(acl -> assertThat(acl.getId().getScheme()).isEqualTo("digest"));
    }
  }

  @Test
  void aUserWithoutAPasswordIsAConfigurationError() {
    LtsConfig config =
        ZooKeeperTestServer.config().toBuilder().set(ConfigKeys.REGISTRY_USERNAME, "lts").build();

    assertThatThrownBy(
            () -> Registries.open(ZooKeeperTestServer.address(server.port()), "acl2", config))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("registry.auth.password");
  }
}
