package com.lts.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key: its LTS name, its type, its default, and how a string value is parsed and
 * checked. The known keys are the constants of {@link ConfigKeys}.
 *
 * @param <T> the type of the parsed value
 */
public final class ConfigKey<T> {

  private final String name;
  private final Class<T> type;
  private final T defaultValue;
  private final String description;
  private final String expected;
  private final Function<String, T> parser;
  private final boolean secret;

  private ConfigKey(
      String name,
      Class<T> type,
      T defaultValue,
      String expected,
      Function<String, T> parser,
      boolean secret,
      String description) {
    this.name = Objects.requireNonNull(name);
    this.type = type;
    this.defaultValue = defaultValue;
    this.expected = expected;
    this.parser = parser;
    this.secret = secret;
    this.description = description;
  }

  /** A whole number in {@code [min, max]}. */
  public static ConfigKey<Integer> intKey(
      String name, Integer defaultValue, int min, int max, String description) {
    String expected = "a whole number from " + min + " to " + max;
    return new ConfigKey<>(
        name,
        Integer.class,
        defaultValue,
        expected,
        raw -> {
          int value = Integer.parseInt(raw.trim());
          if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        },
        false,
        description);
  }

  /** A whole number in {@code [min, max]}. */
  public static ConfigKey<Long> longKey(
      String name, Long defaultValue, long min, long max, String description) {
    String expected = "a whole number from " + min + " to " + max;
    return new ConfigKey<>(
        name,
        Long.class,
        defaultValue,
        expected,
        raw -> {
          long value = Long.parseLong(raw.trim());
          if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        },
        false,
        description);
  }

  /** A decimal number in {@code [min, max]}. */
  public static ConfigKey<Double> doubleKey(
      String name, Double defaultValue, double min, double max, String description) {
    String expected = "a number from " + min + " to " + max;
    return new ConfigKey<>(
        name,
        Double.class,
        defaultValue,
        expected,
        raw -> {
          double value = Double.parseDouble(raw.trim());
          if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        },
        false,
        description);
  }

  /** {@code true} or {@code false}, nothing else. */
  public static ConfigKey<Boolean> booleanKey(
      String name, boolean defaultValue, String description) {
    return new ConfigKey<>(
        name,
        Boolean.class,
        defaultValue,
        "true or false",
        raw -> {
          String value = raw.trim().toLowerCase(Locale.ROOT);
          if (value.equals("true")) {
            return true;
          }
          if (value.equals("false")) {
            return false;
          }
          throw new IllegalArgumentException("not a boolean");
        },
        false,
        description);
  }

  /** Any non-empty text. */
  public static ConfigKey<String> stringKey(String name, String defaultValue, String description) {
    return new ConfigKey<>(
        name,
        String.class,
        defaultValue,
        "a non-empty text",
        ConfigKey::nonEmpty,
        false,
        description);
  }

  /** Text that must not show up in logs or {@code toString()}. */
  public static ConfigKey<String> secretKey(String name, String description) {
    return new ConfigKey<>(
        name, String.class, null, "a non-empty text", ConfigKey::nonEmpty, true, description);
  }

  /** One of a fixed set of names (case-insensitive, stored in lower case). */
  public static ConfigKey<String> choiceKey(
      String name, String defaultValue, List<String> choices, String description) {
    return new ConfigKey<>(
        name,
        String.class,
        defaultValue,
        "one of " + String.join(", ", choices),
        raw -> {
          String value = raw.trim().toLowerCase(Locale.ROOT);
          if (!choices.contains(value)) {
            throw new IllegalArgumentException("not a known choice");
          }
          return value;
        },
        false,
        description);
  }

  /**
   * A time zone id such as {@code UTC} or {@code Europe/Berlin}; the default is this JVM's zone.
   */
  public static ConfigKey<String> zoneKey(String name, String description) {
    return new ConfigKey<>(
        name,
        String.class,
        null,
        "a time zone id such as UTC or Europe/Berlin",
        raw -> java.time.ZoneId.of(raw.trim()).getId(),
        false,
        description);
  }

  /**
   * A plugin name (e.g. {@code job.queue=mysql}). Any non-empty name is accepted here; the plugin
   * lookup refuses an unknown one and lists the names that exist.
   */
  public static ConfigKey<String> pluginKey(String name, String defaultValue, String... examples) {
    return new ConfigKey<>(
        name,
        String.class,
        defaultValue,
        "a plugin name such as " + String.join(", ", Arrays.asList(examples)),
        raw -> nonEmpty(raw).toLowerCase(Locale.ROOT),
        false,
        "Which implementation to use: " + String.join(", ", Arrays.asList(examples)) + ".");
  }

  private static String nonEmpty(String raw) {
    String value = raw.trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    return value;
  }

  /**
   * Parses and checks {@code raw}.
   *
   * @throws ConfigException naming the key, the value and what was expected
   */
  public T parse(String raw) {
    if (raw == null) {
      throw new ConfigException("Config key '" + name + "' has no value: expected " + expected);
    }
    try {
      return parser.apply(raw);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Config key '"
              + name
              + "' has a bad value '"
              + (secret ? "****" : raw)
              + "': expected "
              + expected
              + (description == null ? "" : " (" + description + ")"),
          e);
    }
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value used when the key is not set; may be null for keys without a default. */
  public T defaultValue() {
    return defaultValue;
  }

  /** What a valid value looks like, e.g. "a whole number from 1 to 1000". */
  public String expected() {
    return expected;
  }

  public String description() {
    return description;
  }

  /** Whether the value must be masked when shown. */
  public boolean isSecret() {
    return secret;
  }

  @Override
  public String toString() {
    return name;
  }
}
