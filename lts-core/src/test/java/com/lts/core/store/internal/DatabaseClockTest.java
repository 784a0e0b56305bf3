package com.lts.core.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatabaseClockTest {

  private static final long DATABASE_NOW = 1_700_000_000_000L;

  @Test
  void followsTheDatabaseNotThisNode() {
    DatabaseClock clock = new DatabaseClock(() -> DATABASE_NOW);

    assertThat(clock.millis()).isBetween(DATABASE_NOW, DATABASE_NOW + 60_000);
  }

  @Test
  void inAnotherZoneItKeepsTheDatabasesTime() {
    DatabaseClock clock = new DatabaseClock(() -> DATABASE_NOW);
    Clock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));

    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.millis()).isBetween(DATABASE_NOW, DATABASE_NOW + 60_000);
    assertThat(tokyo.withZone(ZoneId.of("UTC")).getZone()).isEqualTo(ZoneId.of("UTC"));
  }
}
