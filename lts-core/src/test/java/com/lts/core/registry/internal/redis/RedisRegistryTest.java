package com.lts.core.registry.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.config.LtsConfig;
import com.lts.core.registry.Registry;
import com.lts.core.registry.RegistryContractTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;

class RedisRegistryTest extends RegistryContractTest {

  private static final int DATABASE = 11;

  @BeforeAll
  static void requireRedis() {
    RedisTestServer.assumeReachable();
  }

  @Override
  protected String address(int port) {
    return RedisTestServer.address(port, DATABASE);
  }

  @Override
  protected int serverPort() {
    return RedisTestServer.PORT;
  }

  @Override
  protected LtsConfig config() {
    return RedisTestServer.config();
  }

  @Override
  protected Duration sessionTimeout() {
    return RedisTestServer.SESSION_TIMEOUT;
  }

  /** Kills the connections of this test's registries (the pool's and the subscriber's). */
  @Override
  protected void breakSession(Registry registry) {
    assertThat(RedisTestServer.killConnections(cluster)).isPositive();
  }

  @Override
  protected void cleanUp(String cluster) {
    RedisTestServer.deleteCluster(DATABASE, cluster);
  }
}
