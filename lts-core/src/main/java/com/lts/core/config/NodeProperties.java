package com.lts.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The one mapping from a flat set of properties (a {@code .properties} file, LTS Admin's
 * configuration, Spring Boot properties) to a node's settings and {@code addConfig} keys.
 *
 * <ul>
 *   <li>Node settings by their setter names, in camelCase or kebab-case: {@code registryAddress} or
 *       {@code registry-address}, {@code clusterName}, {@code nodeGroup}, {@code identity}, {@code
 *       bindIp}, {@code listenPort}, {@code dataPath}, {@code workThreads}, {@code
 *       invokeTimeoutMillis}.
 *   <li>Every LTS key of docs/configuration.md, bare or with LTS's {@code configs.} prefix ({@code
 *       job.queue=mysql} or {@code configs.job.queue=mysql}).
 * </ul>
 *
 * An unknown name fails naming the nearest known setting or key; a bad value names the key and what
 * is expected. Nothing is applied until every entry was checked.
 */
public final class NodeProperties {

  private static final Map<String, BiConsumer<NodeConfig.Builder, String>> SETTINGS =
      settingAppliers();

  private static final Set<String> WHOLE_NUMBERS =
      Set.of("listenPort", "workThreads", "invokeTimeoutMillis");

  private final Map<String, String> settings;
  private final LtsConfig configs;

  private NodeProperties(Map<String, String> settings, LtsConfig configs) {
    this.settings = Collections.unmodifiableMap(settings);
    this.configs = configs;
  }

  private static Map<String, BiConsumer<NodeConfig.Builder, String>> settingAppliers() {
    Map<String, BiConsumer<NodeConfig.Builder, String>> s = new LinkedHashMap<>();
    s.put("registryAddress", NodeConfig.Builder::registryAddress);
    s.put("clusterName", NodeConfig.Builder::clusterName);
    s.put("nodeGroup", NodeConfig.Builder::nodeGroup);
    s.put("identity", NodeConfig.Builder::identity);
    s.put("bindIp", NodeConfig.Builder::bindIp);
    s.put("listenPort", (b, v) -> b.listenPort(whole("listenPort", v)));
    s.put("dataPath", NodeConfig.Builder::dataPath);
    s.put("workThreads", (b, v) -> b.workThreads(whole("workThreads", v)));
    s.put("invokeTimeoutMillis", (b, v) -> b.invokeTimeoutMillis(whole("invokeTimeoutMillis", v)));
    return Collections.unmodifiableMap(s);
  }

  /** Every entry of {@code properties}. */
  public static NodeProperties of(Properties properties) {
    Map<String, String> map = new LinkedHashMap<>();
    properties.stringPropertyNames().stream()
        .sorted()
        .forEach(name -> map.put(name, properties.getProperty(name)));
    return of(map, "");
  }

  /** Every entry of {@code properties}. */
  public static NodeProperties of(Map<String, String> properties) {
    return of(properties, "");
  }

  /**
   * The entries whose names start with {@code prefix} (e.g. {@code lts.jobtracker.}), read without
   * it; other entries are left alone.
   *
   * @throws ConfigException for an unknown name or a bad value
   */
  public static NodeProperties of(Map<String, String> properties, String prefix) {
    Map<String, String> settings = new LinkedHashMap<>();
    LtsConfig.Builder configs = LtsConfig.builder();
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      if (entry.getKey() == null || !entry.getKey().startsWith(prefix)) {
        continue;
      }
      String name = entry.getKey().substring(prefix.length()).trim();
      String value = entry.getValue() == null ? null : entry.getValue().trim();
      String setting = settingName(name);
      if (setting != null) {
        if (value == null || value.isEmpty()) {
          throw new ConfigException("Setting '" + name + "' has no value");
        }
        if (WHOLE_NUMBERS.contains(setting)) {
          whole(setting, value);
        }
        settings.put(setting, value);
        continue;
      }
      String key = name.startsWith("configs.") ? name.substring("configs.".length()) : name;
      if (ConfigKeys.byName(key) == null && ConfigKeys.retiredReason(key) == null) {
        String nearSetting = nearestSetting(key);
        if (nearSetting != null) {
          throw new ConfigException(
              "Unknown setting '" + name + "'. Did you mean '" + nearSetting + "'?");
        }
      }
      configs.set(key, value);
    }
    return new NodeProperties(settings, configs.build());
  }

  /** The node setting {@code name} names (camelCase or kebab-case), or null. */
  static String settingName(String name) {
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    String candidate = camel.toString();
    return SETTINGS.containsKey(candidate) ? candidate : null;
  }

  private static String nearestSetting(String name) {
    String lower = name.toLowerCase(Locale.ROOT).replace("-", "");
    for (String setting : SETTINGS.keySet()) {
      if (LtsConfig.editDistance(lower, setting.toLowerCase(Locale.ROOT)) <= 2) {
        return setting;
      }
    }
    return null;
  }

  private static int whole(String setting, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "Setting '" + setting + "' has a bad value '" + value + "': expected a whole number", e);
    }
  }

  /** The value given for a node setting ({@code registryAddress}, ...), or null. */
  public String setting(String name) {
    return settings.get(name);
  }

  /** The node settings given, by their camelCase names. */
  public Map<String, String> settings() {
    return settings;
  }

  /** The LTS keys given, parsed. */
  public LtsConfig configs() {
    return configs;
  }

  /** Applies every setting and key to {@code builder}. */
  public void applyTo(NodeConfig.Builder builder) {
    settings.forEach((name, value) -> SETTINGS.get(name).accept(builder, value));
    builder.configs(configs);
  }
}
