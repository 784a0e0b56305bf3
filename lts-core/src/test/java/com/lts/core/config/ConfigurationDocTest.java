package com.lts.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every key with its type and default, exactly as the code has them.
 */
class ConfigurationDocTest {

  static String row(ConfigKey<?> key) {
    Object def = key.defaultValue();
    String shown =
        key == ConfigKeys.PROCESSOR_THREADS || key == ConfigKeys.PUSHER_THREADS
            ? "32 + 5 × CPUs"
            : def == null ? "—" : "`" + def + "`";
    return "| `"
        + key.name()
        + "` | "
        + key.type().getSimpleName()
        + " | "
        + shown
        + " | "
        + key.description()
        + " |";
  }

  @Test
  void everyKeyIsDocumentedWithItsTypeAndDefault() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
    for (ConfigKey<?> key : ConfigKeys.all()) {
      assertThat(doc).as("docs/configuration.md row for %s", key.name()).contains(row(key));
    }
  }

  @Test
  void everyRetiredKeyIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
    ConfigKeys.RETIRED.keySet().forEach(name -> assertThat(doc).contains("`" + name + "`"));
    ConfigKeys.RETIRED_PREFIXES.keySet().forEach(p -> assertThat(doc).contains("`" + p + "*`"));
  }
}
