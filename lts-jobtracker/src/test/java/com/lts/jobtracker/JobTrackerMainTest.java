package com.lts.jobtracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.config.ConfigException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobTrackerMainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private PrintStream out() {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void startsFromAConfigFileWithItsOwnZooKeeperAndTheEmbeddedH2Store() throws Exception {
    Path config = dir.resolve("jobtracker.properties");
    Files.writeString(
        config,
        "registryAddress=zookeeper://127.0.0.1:"
            + freePort()
            + "\n"
            + "clusterName=main_test\n"
            + "listenPort=0\n"
            + "dataPath="
            + dir.toString().replace('\\', '/')
            + "\n"
            + "configs.job.pull.frequency=2\n"
            + "lts.job.lease.millis=5000\n");

    JobTrackerMain.Running running =
        JobTrackerMain.start(
            new String[] {"--config", config.toString(), "--embedded-zookeeper"}, out());
    try {
      assertThat(running.jobTracker().isStarted()).isTrue();
      assertThat(running.jobTracker().nodeConfig().clusterName()).isEqualTo("main_test");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("Embedded ZooKeeper listening on 127.0.0.1:")
          .contains("listening on 127.0.0.1:" + running.jobTracker().getListenPort())
          .contains("store h2");
      assertThat(Files.exists(dir.resolve(".lts/h2/lts-job-store.mv.db"))).isTrue();
    } finally {
      running.stop();
    }
    assertThat(running.jobTracker().isStarted()).isFalse();
  }

  @Test
  void helpPrintsUsageAndStartsNothing() {
    assertThat(JobTrackerMain.start(new String[] {"--help"}, out())).isNull();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: java -jar lts-jobtracker.jar");
  }

  @Test
  void badArgumentsAndKeysAreRefusedWithTheReason() throws Exception {
    assertThatThrownBy(() -> JobTrackerMain.start(new String[] {"--bogus"}, out()))
        .hasMessage("Unknown argument '--bogus'");
    assertThatThrownBy(() -> JobTrackerMain.start(new String[] {"--config"}, out()))
        .hasMessage("--config needs a file");
    assertThatThrownBy(
            () -> JobTrackerMain.start(new String[] {"--config", "no-such.properties"}, out()))
        .hasMessageContaining("does not exist");

    Path typo = dir.resolve("typo.properties");
    Files.writeString(typo, "job.queu=mysql\n");
    assertThatThrownBy(
            () -> JobTrackerMain.start(new String[] {"--config", typo.toString()}, out()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("Did you mean 'job.queue'?");

    Path redis = dir.resolve("redis.properties");
    Files.writeString(redis, "registryAddress=redis://127.0.0.1:6379\n");
    assertThatThrownBy(
            () ->
                JobTrackerMain.start(
                    new String[] {"--config", redis.toString(), "--embedded-zookeeper"}, out()))
        .hasMessageContaining("--embedded-zookeeper needs a zookeeper:// registryAddress");
  }
}
