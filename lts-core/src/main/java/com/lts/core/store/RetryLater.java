package com.lts.core.store;

import java.util.Objects;

/** Put a running job back to wait until {@code triggerTime}, counting one more retry. */
public record RetryLater(AttemptRef run, long triggerTime) {

  public RetryLater {
    Objects.requireNonNull(run, "run");
  }
}
