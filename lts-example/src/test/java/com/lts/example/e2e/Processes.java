package com.lts.example.e2e;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts, signals and stops the JVMs of a test; whatever is left is killed at close. */
final class Processes implements AutoCloseable {

  private final Path dir;
  private final List<Process> started = new ArrayList<>();
  private int count;

  Processes(Path dir) {
    this.dir = dir;
  }

  /** Starts {@code mainClass} with the test class path; its output goes to the returned log. */
  Started java(String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path").replace(' ', File.pathSeparatorChar));
    command.add(mainClass);
    command.addAll(List.of(args));
    Path log = dir.resolve("process-" + (++count) + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    started.add(process);
    return new Started(process, log);
  }

  static void signal(Process process, String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IOException("kill -" + signal + " " + process.pid() + " failed");
    }
  }

  @Override
  public void close() {
    for (Process process : started) {
      if (process.isAlive()) {
        try {
          signal(process, "CONT"); // a stopped process cannot act on SIGTERM
        } catch (IOException e) {
          // it is gone already
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        process.destroy();
      }
    }
    for (Process process : started) {
      try {
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A started JVM and its output. */
  record Started(Process process, Path log) {

    /** Waits until the output holds {@code text}; returns the whole output. */
    String awaitOutput(String text, Duration atMost) {
      await()
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Files.exists(log) && Files.readString(log).contains(text));
      try {
        return Files.readString(log);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
