package com.lts.spring.boot;

import com.lts.core.config.ConfigException;
import com.lts.core.config.NodeProperties;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The Spring Boot properties of one role ({@code lts.jobtracker.*}, ...): the starter's own options
 * taken out, and everything else left for {@link NodeProperties}, the one mapping of properties
 * onto a node, checked at once so a wrong name fails start-up naming the Spring property.
 */
final class RoleProperties {

  private final String prefix;
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Map<String, String> node = new LinkedHashMap<>();

  private RoleProperties(String prefix) {
    this.prefix = prefix;
  }

  /**
   * @param role {@code jobclient}, {@code jobtracker} or {@code tasktracker}
   * @param optionNames the starter's own options of this role, in kebab-case
   */
  static RoleProperties bind(Environment environment, String role, Set<String> optionNames) {
    RoleProperties properties = new RoleProperties("lts." + role);
    Map<String, String> all =
        Binder.get(environment)
            .bind(properties.prefix, Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    for (Map.Entry<String, String> entry : all.entrySet()) {
      String option = matchingOption(entry.getKey(), optionNames);
      if (option != null) {
        properties.options.put(option, entry.getValue());
      } else {
        properties.node.put(entry.getKey(), entry.getValue());
      }
    }
    properties.check();
    return properties;
  }

  private static String matchingOption(String name, Set<String> optionNames) {
    String bare = name.replace("-", "").toLowerCase(Locale.ROOT);
    for (String option : optionNames) {
      if (option.replace("-", "").equals(bare)) {
        return option;
      }
    }
    return null;
  }

  /** Fails like {@link NodeProperties} does, naming the Spring property at fault. */
  private void check() {
    try {
      NodeProperties.of(node);
    } catch (ConfigException e) {
      for (Map.Entry<String, String> entry : node.entrySet()) {
        try {
          NodeProperties.of(Map.of(entry.getKey(), String.valueOf(entry.getValue())));
        } catch (ConfigException single) {
          throw new ConfigException(
              "Spring property '"
                  + prefix
                  + "."
                  + entry.getKey()
                  + "' is wrong: "
                  + single.getMessage(),
              single);
        }
      }
      throw new ConfigException("Spring properties '" + prefix + ".*': " + e.getMessage(), e);
    }
  }

  /** The node settings and LTS keys, for {@link NodeProperties}. */
  Map<String, String> node() {
    return node;
  }

  /**
   * The starter option {@code name} read by {@code parse}, or null when it is not set.
   *
   * @throws ConfigException naming the Spring property when {@code parse} fails
   */
  <T> T option(String name, Function<String, T> parse) {
    String value = options.get(name);
    if (value == null) {
      return null;
    }
    try {
      return parse.apply(value.trim());
    } catch (RuntimeException e) {
      throw new ConfigException(
          "Spring property '" + prefix + "." + name + "' has a bad value '" + value + "': " + e, e);
    }
  }

  /** A true/false starter option. */
  boolean optionTrue(String name, boolean otherwise) {
    Boolean value =
        option(
            name,
            text -> {
              if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("expected true or false");
              }
              return Boolean.parseBoolean(text);
            });
    return value == null ? otherwise : value;
  }
}
