package com.lts.core.registry.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.registry.Registries;
import com.lts.core.registry.Registry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Redis AUTH (requirepass) and an ACL user, on a throwaway redis-server this test starts on its own
 * loopback port (the shared Redis on 6379 stays open for the other tests).
 */
class RedisAuthTest {

  private static final Path REDIS_SERVER = Path.of("/usr/bin/redis-server");

  @TempDir static Path dir;
  private static Process redis;
  private static int port;

  @BeforeAll
  static void startRedis() throws Exception {
    assumeTrue(Files.isExecutable(REDIS_SERVER), "no redis-server at " + REDIS_SERVER);
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = free.getLocalPort();
    }
    redis =
        new ProcessBuilder(
                REDIS_SERVER.toString(),
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () -> {
              try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                return "PONG".equals(jedis.ping());
              }
            });
    try (Jedis jedis = new Jedis("127.0.0.1", port)) {
      jedis.aclSetUser("lts", "on", ">lts-pass", "~*", "&*", "+@all");
      jedis.configSet("requirepass", "default-pass");
    }
  }

  @AfterAll
  static void stopRedis() throws IOException, InterruptedException {
    if (redis != null) {
      redis.destroy();
      if (!redis.waitFor(10, TimeUnit.SECONDS)) {
        redis.destroyForcibly();
      }
    }
  }

  private static LtsConfig config(String user, String password) {
    LtsConfig.Builder b = RedisTestServer.config().toBuilder();
    if (user != null) {
      b.set(ConfigKeys.REGISTRY_USERNAME, user);
    }
    if (password != null) {
      b.set(ConfigKeys.REGISTRY_PASSWORD, password);
    }
    return b.build();
  }

  private static Node node(String identity) {
    Node node = new Node();
    node.setNodeType(NodeType.TASK_TRACKER);
    node.setIdentity(identity);
    node.setGroup("g");
    node.setClusterName("auth");
    node.setIp("127.0.0.1");
    node.setHostName("localhost");
    node.setThreads(1);
    node.setVersion("test");
    return node;
  }

  private static String address() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  @Test
  void theRequirepassPasswordOpensTheRegistry() {
    try (Registry registry = Registries.open(address(), "auth", config(null, "default-pass"))) {
      registry.register(node("tt-auth"));
    }
  }

  @Test
  void anAclUserOpensTheRegistry() {
    try (Registry registry = Registries.open(address(), "acl", config("lts", "lts-pass"))) {
      registry.register(node("tt-acl"));
    }
  }

  @Test
  void noPasswordOrAWrongOneIsRefusedAtOpen() {
    assertThatThrownBy(() -> Registries.open(address(), "none", config(null, null)).close())
        .hasStackTraceContaining("NOAUTH");
    assertThatThrownBy(() -> Registries.open(address(), "wrong", config("lts", "guess")).close())
        .hasStackTraceContaining("WRONGPASS");
  }

  @Test
  void withRedisSslAPlainServerIsRefused() {
    LtsConfig tls =
        config(null, "default-pass").toBuilder().set(ConfigKeys.REDIS_SSL, true).build();

    assertThatThrownBy(() -> Registries.open(address(), "tls", tls).close())
        .satisfies(e -> assertThat(e).hasStackTraceContaining("SSL"));
  }
}
