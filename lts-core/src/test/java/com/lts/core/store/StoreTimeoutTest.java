package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.registry.TcpProxy;
import com.lts.core.testing.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A silent network cut between a JDBC store and its database (a proxy that stops forwarding but
 * keeps the connections open) ends a statement after the socket timeout with a store outage,
 * instead of blocking its caller for ever; when the network is back, so is the store.
 */
class StoreTimeoutTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mysql, 3306, root", "postgresql, 5432, postgres"})
  void aStatementOnAStalledConnectionTimesOutAsAnOutage(String queue, int port, String user)
      throws Exception {
    Services.assumeReachable(queue, "127.0.0.1", port);
    JdbcFixture fixture = port == 3306 ? JdbcFixture.mariaDb() : JdbcFixture.postgreSql();
    try (TcpProxy proxy = new TcpProxy("127.0.0.1", port)) {
      LtsConfig config =
          LtsConfig.builder()
              .set(ConfigKeys.JOB_QUEUE, queue)
              .set(
                  ConfigKeys.JDBC_URL,
                  fixture.url().replace(":" + port + "/", ":" + proxy.port() + "/"))
              .set(ConfigKeys.JDBC_USERNAME, user)
              .set(ConfigKeys.JDBC_POOL_MAX_SIZE, 2)
              .set(ConfigKeys.JDBC_QUERY_TIMEOUT, Duration.ofSeconds(1))
              .set(ConfigKeys.JDBC_SOCKET_TIMEOUT, Duration.ofSeconds(2))
              .set(ConfigKeys.JDBC_CONNECT_TIMEOUT, Duration.ofSeconds(1))
              .build();
      try (Store store = Store.open(config, Path.of("target"), Clock.systemUTC())) {
        assertThat(store.feedback().countByGroup()).isNotNull();
        proxy.stall();

        assertTimeoutPreemptively(
            Duration.ofSeconds(15),
            () ->
                assertThatThrownBy(() -> store.feedback().countByGroup())
                    .isInstanceOf(StoreUnavailableException.class));

        proxy.flow();
        assertTimeoutPreemptively(
            Duration.ofSeconds(15), () -> assertThat(store.feedback().countByGroup()).isNotNull());
      }
    } finally {
      fixture.drop();
    }
  }
}
