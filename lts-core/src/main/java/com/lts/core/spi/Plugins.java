package com.lts.core.spi;

import com.lts.core.LtsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds plugin implementations by name through {@link ServiceLoader}. */
public final class Plugins {

  private Plugins() {}

  /**
   * The implementation of {@code type} named {@code name} (case-insensitive).
   *
   * @param configKey the configuration key the name came from, quoted in the error message
   * @throws PluginNotFoundException listing the names that exist
   */
  public static <T extends NamedPlugin> T find(Class<T> type, String name, String configKey) {
    return find(type, name, configKey, classLoader());
  }

  static <T extends NamedPlugin> T find(
      Class<T> type, String name, String configKey, ClassLoader classLoader) {
    List<T> all = all(type, classLoader);
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (T plugin : all) {
      if (plugin.name().toLowerCase(Locale.ROOT).equals(wanted)) {
        return plugin;
      }
    }
    List<String> known = all.stream().map(NamedPlugin::name).sorted().toList();
    throw new PluginNotFoundException(
        "Unknown "
            + type.getSimpleName()
            + " '"
            + name
            + "'"
            + (configKey == null ? "" : " (config key '" + configKey + "')")
            + ". Tried: "
            + (known.isEmpty() ? "none found on the classpath" : String.join(", ", known))
            + (known.isEmpty()
                ? ""
                : ". Use one of these, or add the module that provides '" + name + "'."),
        known);
  }

  /** Every implementation of {@code type} on the classpath. */
  public static <T extends NamedPlugin> List<T> all(Class<T> type) {
    return all(type, classLoader());
  }

  private static <T extends NamedPlugin> List<T> all(Class<T> type, ClassLoader classLoader) {
    List<T> plugins = new ArrayList<>();
    try {
      for (T plugin : ServiceLoader.load(type, classLoader)) {
        plugins.add(plugin);
      }
    } catch (ServiceConfigurationError e) {
      throw new LtsException(
          "A " + type.getSimpleName() + " plugin could not be loaded: " + e.getMessage(), e);
    }
    return plugins;
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Plugins.class.getClassLoader();
  }
}
