package com.lts.core.failstore.internal;

import java.util.function.LongSupplier;

/**
 * Makes keys that sort (as strings and as bytes) in the order they were made: {@code <millis, 15
 * digits>.<sequence, 6 digits>}. Seeded with the store's last key on open, so keys stay in order
 * across a reopen even when the clock has gone back.
 */
final class OrderedKeys {

  private static final int MILLIS_DIGITS = 15;
  private static final int SEQUENCE_DIGITS = 6;
  private static final int MAX_SEQUENCE = 999_999;

  private final LongSupplier clock;
  private long lastMillis = -1;
  private int sequence;

  /**
   * @param lastKey the greatest key already in the store, or null when it is empty
   */
  OrderedKeys(LongSupplier clock, String lastKey) {
    this.clock = clock;
    if (lastKey != null && isKey(lastKey)) {
      lastMillis = Long.parseLong(lastKey.substring(0, MILLIS_DIGITS));
      sequence = Integer.parseInt(lastKey.substring(MILLIS_DIGITS + 1));
    }
  }

  synchronized String next() {
    long now = clock.getAsLong();
    if (now > lastMillis) {
      lastMillis = now;
      sequence = 0;
    } else if (sequence < MAX_SEQUENCE) {
      sequence++;
    } else {
      lastMillis++;
      sequence = 0;
    }
    return format(lastMillis, sequence);
  }

  static String format(long millis, int sequence) {
    return String.format("%0" + MILLIS_DIGITS + "d.%0" + SEQUENCE_DIGITS + "d", millis, sequence);
  }

  static boolean isKey(String key) {
    if (key.length() != MILLIS_DIGITS + 1 + SEQUENCE_DIGITS || key.charAt(MILLIS_DIGITS) != '.') {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (i != MILLIS_DIGITS && (key.charAt(i) < '0' || key.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }
}
