package com.lts.admin.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.LtsException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No default password: configured hashes, or one generated, printed once and kept hashed. */
class UsersTest {

  @TempDir Path dir;

  @Test
  void withoutConfiguredUsersAPasswordIsGeneratedPrintedOnceAndKeptHashed() throws Exception {
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    Users users = Users.load(null, dir, new PrintStream(first, true, StandardCharsets.UTF_8));
    Matcher printed =
        Pattern.compile("user 'admin' with password (\\S+) ").matcher(first.toString());
    assertThat(printed.find()).isTrue();
    String password = printed.group(1);
    assertThat(password).hasSize(20);
    assertThat(users.check("admin", password)).isPresent();
    assertThat(users.check("admin", password + "x")).isEmpty();
    String kept = Files.readString(dir.resolve(Users.GENERATED_FILE));
    assertThat(kept).startsWith("admin:admin:$2").doesNotContain(password);

    ByteArrayOutputStream second = new ByteArrayOutputStream();
    Users again = Users.load(null, dir, new PrintStream(second, true, StandardCharsets.UTF_8));
    assertThat(second.toString()).isEmpty();
    assertThat(again.check("admin", password).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void configuredUsersAreCheckedAgainstTheirHashes() {
    String hash = Users.hash("pw one");
    Users users = Users.parse("ops:admin:" + hash + ", guest:viewer:" + hash);
    assertThat(users.size()).isEqualTo(2);
    assertThat(users.check("guest", "pw one").orElseThrow().role()).isEqualTo(Role.VIEWER);
    assertThat(users.check("nobody", "pw one")).isEmpty();
    assertThat(users.check("ops", null)).isEmpty();
  }

  @Test
  void aBadUserListSaysWhatIsWrongWithoutShowingTheSecret() {
    assertThatThrownBy(() -> Users.parse("ops:admin:plaintext"))
        .isInstanceOf(LtsException.class)
        .hasMessageContaining("not a BCrypt hash")
        .hasMessageNotContaining("plaintext");
    assertThatThrownBy(() -> Users.parse("ops:root:" + Users.hash("x")))
        .hasMessageContaining("use admin or viewer");
    assertThatThrownBy(() -> Users.parse("ops-plaintext"))
        .hasMessageContaining("name:role:bcrypt-hash")
        .hasMessageNotContaining("plaintext");
    String hash = Users.hash("x");
    assertThatThrownBy(() -> Users.parse("a:admin:" + hash + ",a:viewer:" + hash))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> Users.parse(" , ")).hasMessageContaining("names no user");
  }
}
