package com.lts.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.jobtracker.JobTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Boot app running a JobTracker whose store is an H2 database behind a TCP server (it accepts
 * loopback connections only): its health is UP, then DOWN naming the store once the database server
 * is gone.
 */
class JobTrackerHealthTest {

  @TempDir Path dir;

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Test
  void healthGoesDownWhenTheStoreIsUnreachable() throws Exception {
    Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
    try (EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zk"), 0)) {
      String url =
          "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:health;DB_CLOSE_DELAY=-1";
      Map<String, Object> properties =
          Map.of(
              "lts.jobtracker.registry-address",
              zooKeeper.address(),
              "lts.jobtracker.listen-port",
              "0",
              "lts.jobtracker.data-path",
              dir.resolve("jt").toString(),
              "lts.jobtracker.configs.job.queue",
              "h2",
              "lts.jobtracker.configs.jdbc.url",
              url,
              "lts.jobtracker.configs.jdbc.connect.timeout",
              "500ms");
      try (ConfigurableApplicationContext context =
          new SpringApplicationBuilder(App.class)
              .web(WebApplicationType.NONE)
              .properties(properties)
              .run()) {
        assertThat(context.getBean(JobTracker.class).isStarted()).isTrue();
        LtsNodeHealthIndicator indicator =
            context.getBean("ltsJobTrackerHealthIndicator", LtsNodeHealthIndicator.class);
        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("store", "reachable");

        database.stop();

        await()
            .atMost(Duration.ofSeconds(15))
            .untilAsserted(
                () -> {
                  Health down = indicator.health();
                  assertThat(down.getStatus()).isEqualTo(Status.DOWN);
                  assertThat(String.valueOf(down.getDetails().get("store")))
                      .startsWith("unreachable");
                });
      }
    } finally {
      database.stop();
    }
  }
}
