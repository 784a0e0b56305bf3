package com.lts.benchmark;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a round verified about its jobs.
 *
 * @param expected jobs the round made
 * @param exactlyOnce jobs that ran (or, for batch submit, were stored) exactly once
 * @param missing jobs that never ran or were not stored
 * @param repeated jobs that ran more than once
 * @param total runs (or stored rows) observed in all
 */
record RunCheck(int expected, int exactlyOnce, int missing, int repeated, long total) {

  /**
   * Counts, for each expected key, how often it ran according to {@code runs}.
   *
   * @param expected how many runs the round made (usually the number of keys)
   * @param total runs observed in all
   */
  static RunCheck of(
      Iterable<String> keys, Map<String, AtomicInteger> runs, int expected, long total) {
    int once = 0;
    int missing = 0;
    int repeated = 0;
    for (String key : keys) {
      AtomicInteger count = runs.get(key);
      if (count == null) {
        missing++;
      } else if (count.get() == 1) {
        once++;
      } else {
        repeated++;
      }
    }
    return new RunCheck(expected, once, missing, repeated, total);
  }

  boolean ok() {
    return exactlyOnce == expected && missing == 0 && repeated == 0 && total == expected;
  }

  @Override
  public String toString() {
    return exactlyOnce
        + "/"
        + expected
        + " exactly once"
        + (ok()
            ? ""
            : " (missing " + missing + ", repeated " + repeated + ", total " + total + ")");
  }
}
