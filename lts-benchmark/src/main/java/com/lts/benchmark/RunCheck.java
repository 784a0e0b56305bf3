package com.lts.benchmark;

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
