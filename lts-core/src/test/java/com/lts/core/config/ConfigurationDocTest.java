package com.lts.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every working key with its type, default and the roles that read it,
 * and every retired key with why, exactly as the code has them.
 */
class ConfigurationDocTest {

  static String row(ConfigKey<?> key) {
    Object def = key.defaultValue();
    String shown =
        key == ConfigKeys.PROCESSOR_THREADS || key == ConfigKeys.PUSHER_THREADS
            ? "32 + 5 × CPUs"
            : def == null
                ? "—"
                : "`" + (def instanceof Duration d ? ConfigKey.format(d) : def) + "`";
    return "| `"
        + key.name()
        + "` | "
        + key.type().getSimpleName()
        + " | "
        + shown
        + " | "
        + roles(key)
        + " | "
        + key.description()
        + " |";
  }

  private static String roles(ConfigKey<?> key) {
    if (key.roles().size() == 3) {
      return "all";
    }
    return key.roles().stream()
        .sorted()
        .map(
            role ->
                switch (role) {
                  case JOB_CLIENT -> "JobClient";
                  case JOB_TRACKER -> "JobTracker";
                  case TASK_TRACKER -> "TaskTracker";
                  case BACKEND -> "LTS Admin";
                })
        .collect(Collectors.joining(", "));
  }

  private static String doc() throws IOException {
    return Files.readString(Path.of("..", "docs", "configuration.md"));
  }

  @Test
  void everyWorkingKeyIsDocumentedWithItsTypeDefaultAndRoles() throws IOException {
    String doc = doc();
    for (ConfigKey<?> key : ConfigKeys.all()) {
      if (!key.isRetired()) {
        assertThat(doc).as("docs/configuration.md row for %s", key.name()).contains(row(key));
      }
    }
  }

  @Test
  void everyRetiredKeyIsDocumentedAsRetiredWithWhy() throws IOException {
    String doc = doc();
    int retiredStart = doc.indexOf("## Retired LTS keys");
    String retiredSection = doc.substring(retiredStart);
    String workingSections = doc.substring(0, retiredStart);
    for (ConfigKey<?> key : ConfigKeys.all()) {
      if (key.isRetired()) {
        assertThat(retiredSection)
            .contains("| `" + key.name() + "` | " + key.retiredReason() + " |");
        assertThat(workingSections).doesNotContain("| `" + key.name() + "` |");
      }
    }
    ConfigKeys.RETIRED
        .keySet()
        .forEach(name -> assertThat(retiredSection).contains("| `" + name + "` | "));
    ConfigKeys.RETIRED_PREFIXES
        .keySet()
        .forEach(p -> assertThat(retiredSection).contains("`" + p + "*`"));
  }
}
