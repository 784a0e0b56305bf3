package com.lts.core.registry;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.LtsConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the registry and election contract suites need from a backend, and shared helpers. */
public abstract class RegistryTestSupport {

  /** A fresh cluster per test, so tests never see each other's nodes. */
  protected String cluster;

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();

  /** The registry address of a server (or a proxy in front of it) on 127.0.0.1:{@code port}. */
  protected abstract String address(int port);

  /** The port of the real server. */
  protected abstract int serverPort();

  /** Small timeouts so failures are noticed within a second or two. */
  protected abstract LtsConfig config();

  /** The longest a cut-off node may stay registered. */
  protected abstract Duration sessionTimeout();

  /** Removes what a test left on a shared server. */
  protected void cleanUp(String cluster) throws Exception {}

  @BeforeEach
  void newCluster() {
    cluster = "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @AfterEach
  void closeResources() throws Exception {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        // Closing is best effort; the test already has its verdict.
      }
    }
    cleanUp(cluster);
  }

  protected Registry open() {
    return track(Registries.open(address(serverPort()), cluster, config()));
  }

  protected Registry openVia(TcpProxy proxy) {
    return track(Registries.open(address(proxy.port()), cluster, config()));
  }

  protected TcpProxy proxy() throws IOException {
    return track(new TcpProxy("127.0.0.1", serverPort()));
  }

  protected <T extends AutoCloseable> T track(T resource) {
    resources.push(resource);
    return resource;
  }

  protected static Node node(NodeType type, String identity, String group, long createTime) {
    Node node = new Node();
    node.setNodeType(type);
    node.setIdentity(identity);
    node.setGroup(group);
    node.setClusterName("test");
    node.setIp("127.0.0.1");
    node.setPort(type == NodeType.JOB_TRACKER ? 35001 : 0);
    node.setHostName("localhost");
    node.setThreads(8);
    node.setCreateTime(createTime);
    node.setVersion("test");
    return node;
  }

  /** Waits for a condition, polling often, giving up after a bound that scales with sessions. */
  protected ConditionFactory await() {
    return Awaitility.await()
        .atMost(sessionTimeout().multipliedBy(6).plusSeconds(5))
        .pollInterval(Duration.ofMillis(20));
  }
}
