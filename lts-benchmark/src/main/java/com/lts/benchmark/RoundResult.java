package com.lts.benchmark;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures one round measured, by name in the order they are shown, and what it verified.
 *
 * @param figures figure name (with its unit) to value
 * @param check whether every job ran (or was stored) exactly once
 */
record RoundResult(Map<String, Double> figures, RunCheck check) {

  RoundResult {
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
  }
}
