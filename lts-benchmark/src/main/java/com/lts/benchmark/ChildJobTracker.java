package com.lts.benchmark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A JobTracker in a child JVM: {@code com.lts.jobtracker.JobTrackerMain --config FILE}, started
 * with this JVM's own java and classpath and a hard heap limit ({@code -Xmx}), so a JobTracker that
 * needs more fails with {@link OutOfMemoryError} (and exits, {@code -XX:+ExitOnOutOfMemoryError})
 * instead of growing. Its output goes to a log file; {@link #close()} always ends it: SIGTERM (the
 * JobTracker's shutdown hook stops it cleanly), then a forced kill after {@value #GRACE_SECONDS} s.
 */
final class ChildJobTracker implements AutoCloseable {

  static final String MAIN = "com.lts.jobtracker.JobTrackerMain";
  static final int GRACE_SECONDS = 10;

  /** What JobTrackerMain prints once the JobTracker has started and registered. */
  private static final String STARTED = " listening on ";

  private final Process process;
  private final Path log;
  private final int maxHeapMb;
  private final Thread killOnExit;

  private ChildJobTracker(Process process, Path log, int maxHeapMb) {
    this.process = process;
    this.log = log;
    this.maxHeapMb = maxHeapMb;
    this.killOnExit = new Thread(process::destroyForcibly, "lts-bench-kill-jobtracker");
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Writes {@code settings} to {@code dir/jobtracker.properties} and starts the JobTracker on it,
   * logging to {@code dir/jobtracker.log} (and its GC log to {@code dir/jobtracker-gc.log}).
   */
  static ChildJobTracker start(Path dir, Properties settings, int maxHeapMb) {
    Path config = dir.resolve("jobtracker.properties");
    Path log = dir.resolve("jobtracker.log");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = Files.newOutputStream(config)) {
        settings.store(out, "LTS benchmark: the backlog scenario's JobTracker");
      }
      List<String> command = new ArrayList<>();
      command.add(Jvm.java().toString());
      command.add("-Xmx" + maxHeapMb + "m");
      command.add("-XX:+ExitOnOutOfMemoryError");
      command.add("-Xlog:gc:file=" + dir.resolve("jobtracker-gc.log").toAbsolutePath());
      command.add("-cp");
      command.add(absoluteClassPath());
      command.add(MAIN);
      command.add("--config");
      command.add(config.toAbsolutePath().toString());
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new ChildJobTracker(process, log, maxHeapMb);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the JobTracker process", e);
    }
  }

  /**
   * This JVM's classpath with absolute entries (the child runs in another folder): the shaded jar,
   * or target/classes and the dependencies (or surefire's manifest-only jar) in the build's tests.
   */
  static String absoluteClassPath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  long pid() {
    return process.pid();
  }

  int maxHeapMb() {
    return maxHeapMb;
  }

  /** Waits until the JobTracker says it has started (it registers before it says so). */
  void awaitStarted(Duration timeout) {
    Waits.until(
        () -> {
          checkAlive();
          return logText().contains(STARTED);
        },
        timeout,
        "the JobTracker process to start (log " + log + ")");
  }

  /**
   * Throws, with the end of its log, when the process has exited: a failure of the round (an {@link
   * OutOfMemoryError} under the heap limit ends up here).
   */
  void checkAlive() {
    if (!process.isAlive()) {
      String text = logText();
      throw new IllegalStateException(
          "the JobTracker process exited with code "
              + process.exitValue()
              + (text.contains("OutOfMemoryError")
                  ? " after an OutOfMemoryError (-Xmx" + maxHeapMb + "m)"
                  : "")
              + "; end of its log:\n"
              + tail(text, 20));
    }
  }

  private String logText() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
  }

  @Override
  public void close() {
    try {
      process.destroy();
      if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: the hook runs anyway
      }
    }
  }
}
