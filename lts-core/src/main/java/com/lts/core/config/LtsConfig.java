package com.lts.core.config;

import com.lts.core.cluster.NodeType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The values given through {@code addConfig(key, value)}, parsed once into their types. Read them
 * with {@link #get(ConfigKey)}, which falls back to the key's default.
 */
public final class LtsConfig {

  private static final LtsConfig EMPTY = new LtsConfig(Map.of(), Map.of());

  private final Map<ConfigKey<?>, Object> values;
  private final Map<String, String> retiredGiven;

  private LtsConfig(Map<ConfigKey<?>, Object> values, Map<String, String> retiredGiven) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.retiredGiven = Collections.unmodifiableMap(new LinkedHashMap<>(retiredGiven));
  }

  public static LtsConfig empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Parses every entry of {@code properties}; fails on the first unknown key or bad value. */
  public static LtsConfig of(Properties properties) {
    Builder builder = builder();
    for (String name : properties.stringPropertyNames()) {
      builder.set(name, properties.getProperty(name));
    }
    return builder.build();
  }

  /** The value set for {@code key}, or its default. */
  @SuppressWarnings("unchecked")
  public <T> T get(ConfigKey<T> key) {
    Object value = values.get(key);
    return value != null ? (T) value : key.defaultValue();
  }

  public boolean isSet(ConfigKey<?> key) {
    return values.containsKey(key);
  }

  /** The keys that were set, with their values; secrets are included, so never log this map. */
  public Map<ConfigKey<?>, Object> values() {
    return values;
  }

  /** The retired keys that were given (they have no effect), each with why. */
  public Map<String, String> retiredKeysGiven() {
    return retiredGiven;
  }

  /**
   * What a node of type {@code nodeType} should warn about at start, one line per key: each retired
   * key given (no effect, and why), and each key that only other roles read.
   */
  public List<String> startWarnings(NodeType nodeType) {
    List<String> warnings = new ArrayList<>();
    retiredGiven.forEach(
        (name, reason) ->
            warnings.add("Config key '" + name + "' is retired and has no effect: " + reason));
    for (ConfigKey<?> key : values.keySet()) {
      if (!key.roles().contains(nodeType)) {
        warnings.add(
            "Config key '"
                + key.name()
                + "' has no effect on a "
                + roleName(nodeType)
                + ": only "
                + key.roles().stream()
                    .sorted()
                    .map(LtsConfig::roleName)
                    .collect(Collectors.joining(" and "))
                + " read it");
      }
    }
    return warnings;
  }

  private static String roleName(NodeType type) {
    return switch (type) {
      case JOB_CLIENT -> "JobClient";
      case JOB_TRACKER -> "JobTracker";
      case TASK_TRACKER -> "TaskTracker";
      case BACKEND -> "LTS Admin";
    };
  }

  /** A builder holding these values, to add more. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.values.putAll(values);
    builder.retiredGiven.putAll(retiredGiven);
    return builder;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    values.forEach(
        (key, value) -> {
          if (sb.length() > 1) {
            sb.append(", ");
          }
          sb.append(key.name()).append('=').append(key.isSecret() ? "****" : value);
        });
    return sb.append('}').toString();
  }

  /** Collects values by their LTS key names. */
  public static final class Builder {

    private final Map<ConfigKey<?>, Object> values = new LinkedHashMap<>();
    private final Map<String, String> retiredGiven = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Parses and stores one value.
     *
     * @throws ConfigException for an unknown key (naming the nearest known one) or a bad value
     */
    public Builder set(String name, String value) {
      if (name == null || name.isBlank()) {
        throw new ConfigException("Config key must not be empty (value '" + value + "')");
      }
      String trimmed = name.trim();
      ConfigKey<?> key = ConfigKeys.byName(trimmed);
      if (key == null) {
        String retired = ConfigKeys.retiredReason(trimmed);
        if (retired != null) {
          retiredGiven.put(trimmed, retired);
          return this;
        }
        throw unknownKey(trimmed, value);
      }
      if (key.isRetired()) {
        // Its value is not checked either: an old file must load whatever it held.
        retiredGiven.put(key.name(), key.retiredReason());
        return this;
      }
      values.put(key, key.parse(value));
      return this;
    }

    /** Adds every value and retired key of {@code other}, replacing values set before. */
    public Builder setAll(LtsConfig other) {
      values.putAll(other.values);
      retiredGiven.putAll(other.retiredGiven);
      return this;
    }

    /** Stores an already typed value. */
    public <T> Builder set(ConfigKey<T> key, T value) {
      if (key.isRetired()) {
        retiredGiven.put(key.name(), key.retiredReason());
        return this;
      }
      values.put(key, value);
      return this;
    }

    public LtsConfig build() {
      return new LtsConfig(values, retiredGiven);
    }

    private static ConfigException unknownKey(String name, String value) {
      ConfigKey<?> nearest = nearest(name);
      // A misspelt secret key must not leak its value into logs.
      String lower = name.toLowerCase(Locale.ROOT);
      boolean secretLooking =
          (nearest != null && nearest.isSecret())
              || lower.contains("pass")
              || lower.contains("token")
              || lower.contains("secret");
      return new ConfigException(
          "Unknown config key '"
              + name
              + "' (value '"
              + (secretLooking && value != null && !value.isEmpty() ? "****" : value)
              + "')."
              + (nearest == null ? "" : " Did you mean '" + nearest.name() + "'?")
              + " Every key is listed in docs/configuration.md.");
    }
  }

  /**
   * The known key whose name is closest to {@code name} (edit distance), if any is reasonably
   * close.
   */
  static ConfigKey<?> nearest(String name) {
    ConfigKey<?> best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigKey<?> key : ConfigKeys.all()) {
      int distance =
          editDistance(name.toLowerCase(Locale.ROOT), key.name().toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = key;
      }
    }
    // Past half the name's length the "nearest" key is noise, not a suggestion.
    return bestDistance <= Math.max(3, name.length() / 2) ? best : null;
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
