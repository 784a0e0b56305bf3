package com.lts.core.failstore.internal;

import com.lts.core.failstore.DeadLetter;
import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStoreEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The dead letters of one node, kept in a {@link FailStore} of their own. Each value is the time
 * moved aside (8 bytes), the reason's length (4) and UTF-8 bytes, then the entry's bytes unchanged;
 * a binary frame, so that an entry that is not valid JSON is kept as it was.
 */
public final class DeadLetterStore implements AutoCloseable {

  private final FailStore store;
  private final Clock clock;

  public DeadLetterStore(FailStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Keeps each value with its reason (same index), all or nothing, on disk when it returns. */
  public void putAll(List<byte[]> values, List<String> reasons) {
    long now = clock.millis();
    List<byte[]> encoded = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      encoded.add(encode(now, reasons.get(i), values.get(i)));
    }
    store.putAll(encoded);
  }

  /** The oldest dead letters, at most {@code max}, oldest first. */
  public List<DeadLetter> oldest(int max) {
    List<DeadLetter> letters = new ArrayList<>();
    for (FailStoreEntry entry : store.oldest(max)) {
      letters.add(decode(entry));
    }
    return letters;
  }

  public void delete(Collection<String> keys) {
    store.delete(keys);
  }

  public long count() {
    return store.count();
  }

  /** The store the letters are kept in. */
  public FailStore store() {
    return store;
  }

  @Override
  public void close() {
    store.close();
  }

  static byte[] encode(long time, String reason, byte[] value) {
    byte[] why = reason.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(12 + why.length + value.length)
        .putLong(time)
        .putInt(why.length)
        .put(why)
        .put(value)
        .array();
  }

  /** Also used to move a dead peer's letters: they keep their time and reason. */
  static DeadLetter decode(FailStoreEntry entry) {
    byte[] bytes = entry.value();
    if (bytes.length >= 12) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      long time = buffer.getLong();
      int whyLength = buffer.getInt();
      if (whyLength >= 0 && whyLength <= buffer.remaining()) {
        byte[] why = new byte[whyLength];
        buffer.get(why);
        byte[] value = new byte[buffer.remaining()];
        buffer.get(value);
        return new DeadLetter(
            entry.key(),
            value,
            new String(why, StandardCharsets.UTF_8),
            Instant.ofEpochMilli(time));
      }
    }
    return new DeadLetter(entry.key(), bytes, "unreadable dead letter", Instant.EPOCH);
  }
}
