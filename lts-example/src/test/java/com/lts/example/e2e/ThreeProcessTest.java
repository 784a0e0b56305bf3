package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.testing.Services;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three roles as three processes: the JobTracker's executable jar (with its embedded
 * ZooKeeper), and the example TaskTracker and JobClient mains, on loopback.
 */
class ThreeProcessTest {

  private static final Path JOBTRACKER_JAR =
      Path.of("..", "lts-jobtracker", "target", "lts-jobtracker.jar");

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process process = processes.get(i);
      process.destroy(); // SIGTERM: the shutdown hooks stop the nodes
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void jobTrackerJarAndTwoMainsRunJobsEndToEnd() throws Exception {
    if (!Files.isRegularFile(JOBTRACKER_JAR)) {
      String reason = JOBTRACKER_JAR + " is not built; run mvn -B -ntp verify from the root";
      if (Services.required()) {
        Assertions.fail(reason);
      }
      Assumptions.abort(reason);
    }
    String registry = "zookeeper://127.0.0.1:" + freePort();
    Path config = dir.resolve("jobtracker.properties");
    Files.writeString(
        config,
        "registryAddress="
            + registry
            + "\n"
            + "dataPath="
            + dir.resolve("jobtracker").toString().replace('\\', '/')
            + "\n"
            + "listenPort=0\n");

    Path jobTrackerLog = dir.resolve("jobtracker.log");
    start(
        jobTrackerLog,
        "-jar",
        JOBTRACKER_JAR.toString(),
        "--config",
        config.toString(),
        "--embedded-zookeeper");
    awaitLine(jobTrackerLog, "listening on");

    Path taskTrackerLog = dir.resolve("tasktracker.log");
    start(
        taskTrackerLog,
        "-cp",
        classPath(),
        "com.lts.example.api.TaskTrackerMain",
        registry,
        "trade");
    awaitLine(taskTrackerLog, "TaskTracker TT_");

    Path jobClientLog = dir.resolve("jobclient.log");
    Process jobClient =
        start(
            jobClientLog,
            "-cp",
            classPath(),
            "com.lts.example.api.JobClientMain",
            registry,
            "trade",
            "50");
    assertThat(jobClient.waitFor(90, TimeUnit.SECONDS)).as("JobClient finished").isTrue();
    assertThat(Files.readString(jobClientLog)).contains("All 50 jobs completed");
    assertThat(jobClient.exitValue()).isZero();
    assertThat(Files.readString(taskTrackerLog)).contains("Running Job{taskId='shop-");
  }

  private Process start(Path log, String... javaArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.addAll(List.of(javaArgs));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(process);
    return process;
  }

  private static void awaitLine(Path log, String text) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () ->
                assertThat(Files.exists(log) ? Files.readString(log) : "")
                    .as(log.toString())
                    .contains(text));
  }

  private static String classPath() {
    return System.getProperty("java.class.path").replace(' ', File.pathSeparatorChar);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
