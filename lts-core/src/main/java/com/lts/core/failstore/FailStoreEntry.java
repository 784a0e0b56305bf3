package com.lts.core.failstore;

import com.lts.core.internal.json.Json;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored value and its key.
 *
 * @param key sorts in insertion order; pass it to {@link FailStore#delete} once re-sent
 * @param value the bytes given to {@link FailStore#put}
 */
public record FailStoreEntry(String key, byte[] value) {

  public FailStoreEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** The value read back as JSON written by {@link FailStore#putJson}. */
  public <T> T value(Class<T> type) {
    return Json.fromBytes(value, type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FailStoreEntry other
        && key.equals(other.key)
        && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * key.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "FailStoreEntry{key=" + key + ", " + value.length + " bytes}";
  }
}
