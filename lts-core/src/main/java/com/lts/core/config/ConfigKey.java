package com.lts.core.config;

import com.lts.core.cluster.NodeType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configuration key: its LTS name, its type, its default, and how a string value is parsed and
 * checked, the node roles that read it, and — for a key kept only so that old configuration files
 * still load — why it is retired. The known keys are the constants of {@link ConfigKeys}.
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
  private final boolean emptyAllowed;
  private final Set<NodeType> roles;
  private final String retiredReason;

  private ConfigKey(
      String name,
      Class<T> type,
      T defaultValue,
      String expected,
      Function<String, T> parser,
      boolean secret,
      String description) {
    this(
        name,
        type,
        defaultValue,
        expected,
        parser,
        secret,
        description,
        false,
        EnumSet.of(NodeType.JOB_CLIENT, NodeType.JOB_TRACKER, NodeType.TASK_TRACKER),
        null);
  }

  private ConfigKey(
      String name,
      Class<T> type,
      T defaultValue,
      String expected,
      Function<String, T> parser,
      boolean secret,
      String description,
      boolean emptyAllowed,
      Set<NodeType> roles,
      String retiredReason) {
    this.name = Objects.requireNonNull(name);
    this.type = type;
    this.defaultValue = defaultValue;
    this.expected = expected;
    this.parser = parser;
    this.secret = secret;
    this.description = description;
    this.emptyAllowed = emptyAllowed;
    this.roles = Set.copyOf(roles);
    this.retiredReason = retiredReason;
  }

  /** This key, read by the given roles only (a new key: every role until told otherwise). */
  public ConfigKey<T> readBy(NodeType first, NodeType... more) {
    return new ConfigKey<>(
        name,
        type,
        defaultValue,
        expected,
        parser,
        secret,
        description,
        emptyAllowed,
        EnumSet.of(first, more),
        retiredReason);
  }

  /**
   * This key, accepting an empty value ({@code jdbc.password=} for a user without a password); the
   * empty text is the value.
   */
  public ConfigKey<T> emptyAllowed() {
    if (type != String.class) {
      throw new IllegalStateException(name + ": only a text key can allow an empty value");
    }
    return new ConfigKey<>(
        name,
        type,
        defaultValue,
        expected,
        parser,
        secret,
        description,
        true,
        roles,
        retiredReason);
  }

  /**
   * This key, retired: still accepted so that old configuration files load, with one warning at
   * node start that it has no effect and why.
   *
   * @param reason why it has no effect, and what to use instead
   */
  public ConfigKey<T> retired(String reason) {
    return new ConfigKey<>(
        name,
        type,
        defaultValue,
        expected,
        parser,
        secret,
        description,
        emptyAllowed,
        roles,
        Objects.requireNonNull(reason));
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

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  /**
   * A duration in {@code [min, max]}. A bare number is milliseconds, as in LTS's property files;
   * {@code 500ms}, {@code 3s}, {@code 5m}, {@code 1h}, {@code 2d} and ISO-8601 ({@code PT3S}) are
   * accepted too.
   */
  public static ConfigKey<Duration> durationKey(
      String name, Duration defaultValue, Duration min, Duration max, String description) {
    String expected =
        "a duration from "
            + format(min)
            + " to "
            + format(max)
            + ": milliseconds as a bare number (3000), or 500ms, 3s, 5m, 1h, 2d, or ISO-8601 such"
            + " as PT3S";
    return new ConfigKey<>(
        name,
        Duration.class,
        defaultValue,
        expected,
        raw -> {
          Duration value = parseDuration(raw.trim());
          if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        },
        false,
        description);
  }

  private static Duration parseDuration(String text) {
    if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
      return Duration.ofMillis(Long.parseLong(text));
    }
    Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a duration", e);
    }
  }

  /** The shortest of the accepted forms that names {@code duration} exactly, e.g. {@code 3s}. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis != 0 && millis % 86_400_000L == 0) {
      return millis / 86_400_000L + "d";
    }
    if (millis != 0 && millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis != 0 && millis % 60_000L == 0) {
      return millis / 60_000L + "m";
    }
    if (millis != 0 && millis % 1_000L == 0) {
      return millis / 1_000L + "s";
    }
    return millis + "ms";
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
    if (emptyAllowed && raw.isEmpty()) {
      @SuppressWarnings("unchecked")
      T empty = (T) raw;
      return empty;
    }
    try {
      return parser.apply(raw);
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Config key '"
              + name
              + "' has a bad value '"
              + shown(raw)
              + "': expected "
              + expected
              + (description == null ? "" : " (" + description + ")"),
          e);
    }
  }

  /** {@code raw} as a message may show it: a secret is masked unless it is empty. */
  String shown(String raw) {
    return secret && !raw.isEmpty() ? "****" : raw;
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

  /** The node roles that read this key; given to another role, it warns at start. */
  public Set<NodeType> roles() {
    return roles;
  }

  /** Whether this key is retired: accepted, but without effect. */
  public boolean isRetired() {
    return retiredReason != null;
  }

  /** Why this key has no effect and what replaces it; null for a working key. */
  public String retiredReason() {
    return retiredReason;
  }

  /** Whether an empty value is accepted as it is. */
  public boolean isEmptyAllowed() {
    return emptyAllowed;
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
