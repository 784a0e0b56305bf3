package com.lts.core.registry.internal.zookeeper;

import com.lts.core.config.LtsConfig;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.registry.MasterElectorContractTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

class ZooKeeperMasterElectorTest extends MasterElectorContractTest {

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

  @Override
  protected String address(int port) {
    return ZooKeeperTestServer.address(port);
  }

  @Override
  protected int serverPort() {
    return server.port();
  }

  @Override
  protected LtsConfig config() {
    return ZooKeeperTestServer.config();
  }

  @Override
  protected Duration sessionTimeout() {
    return ZooKeeperTestServer.SESSION_TIMEOUT;
  }

  @Override
  protected void killSession(Candidate master) throws Exception {
    ZooKeeperTestServer.expireSession(master.registry());
  }
}
