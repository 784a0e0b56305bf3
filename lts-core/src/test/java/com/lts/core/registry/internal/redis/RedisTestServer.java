package com.lts.core.registry.internal.redis;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.testing.Services;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ClientKillParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** The machine's Redis on 127.0.0.1:6379, as the Redis test classes use it. */
final class RedisTestServer {

  static final String HOST = "127.0.0.1";
  static final int PORT = 6379;
  static final Duration SESSION_TIMEOUT = Duration.ofMillis(1_000);

  private RedisTestServer() {}

  static void assumeReachable() {
    Services.assumeReachable("Redis", HOST, PORT);
  }

  static String address(int port, int database) {
    return "redis://" + HOST + ":" + port + "/" + database;
  }

  static LtsConfig config() {
    return LtsConfig.builder()
        .set(ConfigKeys.REDIS_SESSION_TIMEOUT, SESSION_TIMEOUT)
        .set(ConfigKeys.RECONNECT_PERIOD, Duration.ofMillis(100))
        .build();
  }

  /** Deletes every key of {@code cluster} in {@code database}. */
  static void deleteCluster(int database, String cluster) {
    try (Jedis jedis = new Jedis(HOST, PORT)) {
      jedis.select(database);
      ScanParams match = new ScanParams().match("/LTS/" + cluster + "/*").count(500);
      String cursor = ScanParams.SCAN_POINTER_START;
      List<String> keys = new ArrayList<>();
      for (int round = 0; round < 10_000; round++) {
        ScanResult<String> page = jedis.scan(cursor, match);
        keys.addAll(page.getResult());
        cursor = page.getCursor();
        if (page.isCompleteIteration()) {
          break;
        }
      }
      if (!keys.isEmpty()) {
        jedis.del(keys.toArray(String[]::new));
      }
    }
  }

  /** Kills every connection the registries of {@code cluster} hold (they name themselves). */
  static int killConnections(String cluster) {
    String name = "name=lts-registry-" + cluster + " ";
    int killed = 0;
    try (Jedis jedis = new Jedis(HOST, PORT)) {
      for (String line : jedis.clientList().split("\n")) {
        if ((line + " ").contains(name)) {
          String id = line.substring(3, line.indexOf(' '));
          jedis.clientKill(ClientKillParams.clientKillParams().id(id));
          killed++;
        }
      }
    }
    return killed;
  }
}
