package com.lts.core.failstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.spi.Plugins;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Entries written before a {@code kill -9} are there after a reopen, and the lock is free. */
class FailStoreCrashTest {

  private static final int ENTRIES = 300;

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"leveldb", "mvstore"})
  void entriesPutBeforeAKillAreThereAfterReopen(String type) throws Exception {
    Path folder = dir.resolve(type);
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path").replace(' ', File.pathSeparatorChar),
                FailStoreCrashChild.class.getName(),
                type,
                folder.toString(),
                Integer.toString(ENTRIES))
            .redirectErrorStream(true)
            .start();
    List<String> output = new ArrayList<>();
    try {
      CompletableFuture<Boolean> stored =
          CompletableFuture.supplyAsync(
              () -> {
                try (BufferedReader reader =
                    new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                      output.add(line);
                    }
                    if (line.equals(FailStoreCrashChild.STORED + " " + ENTRIES)) {
                      return true;
                    }
                  }
                  return false;
                } catch (java.io.IOException e) {
                  return false;
                }
              });
      assertThat(stored.get(60, TimeUnit.SECONDS)).as("child output: %s", output).isTrue();
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    try (FailStore reopened = Plugins.find(FailStoreFactory.class, type, null).open(folder)) {
      List<FailStoreEntry> entries = reopened.oldest(ENTRIES + 1);
      assertThat(entries).hasSize(ENTRIES);
      for (int i = 0; i < ENTRIES; i++) {
        assertThat(new String(entries.get(i).value(), StandardCharsets.UTF_8))
            .isEqualTo("entry-" + i);
      }
    }
  }
}
