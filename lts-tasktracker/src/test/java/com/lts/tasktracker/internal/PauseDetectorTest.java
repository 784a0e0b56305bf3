package com.lts.tasktracker.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PauseDetectorTest {

  @Test
  void aJvmThatNeverPausedMakesNoPushSuspect() {
    // Each suspect push costs a synchronous lease renewal before the job may run.
    try (PauseDetector pauses = new PauseDetector(5_000, "never-paused")) {
      assertThat(pauses.suspect(60_000)).isFalse();
    }
  }
}
