package com.lts.core.registry.internal.redis;

import com.lts.core.config.LtsConfig;
import com.lts.core.registry.MasterElectorContractTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;

class RedisMasterElectorTest extends MasterElectorContractTest {

  private static final int DATABASE = 12;

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

  /** The master can no longer renew its lease: its connection to Redis is cut. */
  @Override
  protected void killSession(Candidate master) {
    master.link().cut();
  }

  @Override
  protected void reviveSession(Candidate candidate) {
    candidate.link().restore();
  }

  @Override
  protected void cleanUp(String cluster) {
    RedisTestServer.deleteCluster(DATABASE, cluster);
  }
}
