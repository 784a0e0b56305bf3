package com.lts.core.failstore;

import com.lts.core.internal.json.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An entry moved out of a {@link FailStore} because it can never be sent as it is: the receiver
 * refused it for good (an invalid job, one too large to send) or it cannot be read. Kept, with its
 * bytes unchanged, in the node's dead-letter store (see {@link FailStores#deadLetterFolder}) until
 * someone removes it.
 *
 * @param key the dead letter's own key (sorts in the order entries were moved aside)
 * @param value the entry's bytes as they were in the FailStore
 * @param reason why it was moved aside
 * @param time when it was moved aside
 */
public record DeadLetter(String key, byte[] value, String reason, Instant time) {

  public DeadLetter {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(time, "time");
  }

  /**
   * The value read back as JSON.
   *
   * @throws com.lts.core.LtsException when the bytes are not a {@code type} (an unreadable entry)
   */
  public <T> T value(Class<T> type) {
    return Json.fromBytes(value, type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DeadLetter other
        && key.equals(other.key)
        && Arrays.equals(value, other.value)
        && reason.equals(other.reason)
        && time.equals(other.time);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(value), reason, time);
  }

  @Override
  public String toString() {
    return "DeadLetter{key=" + key + ", " + value.length + " bytes, " + time + ", " + reason + "}";
  }
}
