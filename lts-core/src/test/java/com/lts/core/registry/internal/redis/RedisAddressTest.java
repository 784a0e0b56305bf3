package com.lts.core.registry.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.registry.RegistryException;
import org.junit.jupiter.api.Test;

class RedisAddressTest {

  @Test
  void hostPortAndDatabaseAreRead() {
    assertThat(RedisAddress.parse("redis://10.0.0.5:6380/3"))
        .isEqualTo(new RedisAddress("10.0.0.5", 6380, 3, null, null));
  }

  @Test
  void portAndDatabaseDefault() {
    assertThat(RedisAddress.parse("redis://cache"))
        .isEqualTo(new RedisAddress("cache", 6379, 0, null, null));
    assertThat(RedisAddress.parse("redis://cache:6379/"))
        .isEqualTo(new RedisAddress("cache", 6379, 0, null, null));
  }

  @Test
  void credentialsAreReadAndDecoded() {
    assertThat(RedisAddress.parse("redis://lts:p%40ss@h:6379/1"))
        .isEqualTo(new RedisAddress("h", 6379, 1, "lts", "p@ss"));
    assertThat(RedisAddress.parse("redis://:secret@h:6379"))
        .isEqualTo(new RedisAddress("h", 6379, 0, null, "secret"));
  }

  @Test
  void badDatabaseIsRefusedWithoutShowingThePassword() {
    assertThatThrownBy(() -> RedisAddress.parse("redis://u:secret@h:6379/x"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("'x' is not a database number")
        .hasMessageNotContaining("secret");
  }

  @Test
  void toStringNeverShowsCredentials() {
    assertThat(RedisAddress.parse("redis://u:secret@h:6379/2").toString()).isEqualTo("h:6379/2");
  }
}
