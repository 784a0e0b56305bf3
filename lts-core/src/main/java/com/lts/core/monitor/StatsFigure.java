package com.lts.core.monitor;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One figure's name in a statistics row ({@code NodeStats.values()}): a meter name and its tags,
 * written {@code lts.jobs.completed{action=EXECUTE_FAILED,group=orders}} (tags sorted, without the
 * node's own tags, which are the row's identity, type and group). Timers appear as {@code
 * name.count}, {@code name.mean.ms}, {@code name.max.ms} and {@code name.p50.ms} / {@code p95} /
 * {@code p99}; JVM figures have no tags ({@code jvm.heap.used}).
 */
public record StatsFigure(String name, Map<String, String> tags) {

  public StatsFigure {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /** Reads a figure's key as written in a row. */
  public static StatsFigure parse(String key) {
    int brace = key.indexOf('{');
    if (brace < 0 || !key.endsWith("}")) {
      return new StatsFigure(key, Map.of());
    }
    Map<String, String> tags = new TreeMap<>();
    for (String pair : key.substring(brace + 1, key.length() - 1).split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        tags.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return new StatsFigure(key.substring(0, brace), tags);
  }

  /** The tag's value, or {@code ""}. */
  public String tag(String key) {
    return tags.getOrDefault(key, "");
  }

  /** The key as written in a row. */
  public String key() {
    if (tags.isEmpty()) {
      return name;
    }
    StringBuilder s = new StringBuilder(name).append('{');
    tags.forEach(
        (k, v) ->
            s.append(s.charAt(s.length() - 1) == '{' ? "" : ",").append(k).append('=').append(v));
    return s.append('}').toString();
  }
}
