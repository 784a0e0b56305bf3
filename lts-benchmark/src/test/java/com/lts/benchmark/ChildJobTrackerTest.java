package com.lts.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child JobTracker JVM starts from this JVM's classpath, and a child that exits is reported
 * with the end of its log instead of being waited for until the timeout.
 */
class ChildJobTrackerTest {

  @TempDir Path dir;

  @Test
  void aJobTrackerThatCannotStartFailsTheWaitWithItsLog() {
    Properties settings = new Properties();
    settings.setProperty("listenPort", "not-a-port");
    try (ChildJobTracker child = ChildJobTracker.start(dir, settings, 64)) {
      assertThatThrownBy(() -> child.awaitStarted(Duration.ofSeconds(60)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited with code 1")
          .hasMessageContaining("'listenPort' has a bad value 'not-a-port'");
    }
    assertThat(dir.resolve("jobtracker.properties")).exists();
    assertThat(dir.resolve("jobtracker.log")).exists();
  }

  @Test
  void theClassPathIsAbsolute() {
    for (String entry : ChildJobTracker.absoluteClassPath().split(java.io.File.pathSeparator)) {
      assertThat(Path.of(entry)).isAbsolute();
    }
  }
}
