package com.lts.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.LtsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad settings stop Admin before anything starts, with a message that says what to fix. */
class LtsAdminConfigTest {

  @TempDir Path dir;

  @Test
  void badValuesAndUnknownKeysAreNamed() {
    assertThatThrownBy(() -> new LtsAdmin(Map.of("lts.admin.http.port", "eighty")))
        .isInstanceOf(LtsException.class)
        .hasMessageContaining("lts.admin.http.port")
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> new LtsAdmin(Map.of("lts.admin.http.prot", "8080")))
        .hasMessageContaining("lts.admin.http.port");
    assertThatThrownBy(() -> new LtsAdmin(Map.of("clusterName", "a b")))
        .hasMessageContaining("clusterName");
  }

  @Test
  void aBadUserListFailsTheStartWithoutShowingIt() {
    LtsAdmin admin =
        new LtsAdmin(
            Map.of(
                "lts.admin.users", "ops:admin:secret-in-clear",
                "dataPath", dir.toString(),
                "registryAddress", "zookeeper://127.0.0.1:1"));
    assertThatThrownBy(admin::start)
        .hasMessageContaining("not a BCrypt hash")
        .hasMessageNotContaining("secret-in-clear");
  }

  @Test
  void theMainHashesAPasswordAndExplainsBadArguments() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AdminMain.start(
        new String[] {"--hash-password"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new ByteArrayInputStream("pw\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(out.toString()).startsWith("$2");
    assertThatThrownBy(() -> AdminMain.start(new String[] {"--nope"}, System.out, System.in))
        .hasMessageContaining("Unknown argument '--nope'");
    Path missing = dir.resolve("missing.properties");
    assertThatThrownBy(
            () ->
                AdminMain.start(
                    new String[] {"--config", missing.toString()}, System.out, System.in))
        .hasMessageContaining("does not exist");
    Path bad = Files.writeString(dir.resolve("bad.properties"), "lts.admin.http.port=-1\n");
    assertThatThrownBy(
            () -> AdminMain.start(new String[] {"--config", bad.toString()}, System.out, System.in))
        .hasMessageContaining("lts.admin.http.port");
  }
}
