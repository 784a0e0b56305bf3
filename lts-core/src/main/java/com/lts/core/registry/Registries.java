package com.lts.core.registry;

import com.lts.core.cluster.Names;
import com.lts.core.config.LtsConfig;
import com.lts.core.config.NodeConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.spi.Plugins;
import java.util.Locale;

/** Opens the {@link Registry} an address names, picking the implementation by its scheme. */
public final class Registries {

  private static final String SEPARATOR = "://";

  private Registries() {}

  /** Opens the registry a node's configuration names, for its cluster. */
  public static Registry open(NodeConfig config) {
    return open(config, NodeEvents.IGNORED);
  }

  /**
   * Opens the registry a node's configuration names, for its cluster, reporting connection loss and
   * background failures to {@code events}.
   */
  public static Registry open(NodeConfig config, NodeEvents events) {
    return open(config.registryAddress(), config.clusterName(), config.configs(), events);
  }

  /**
   * Opens the registry at {@code address}, e.g. {@code zookeeper://h1:2181,h2:2181} or {@code
   * redis://h:6379/0}.
   *
   * @throws com.lts.core.spi.PluginNotFoundException for an unknown scheme, listing known ones
   * @throws RegistryException when the address is malformed or the server cannot be reached
   */
  public static Registry open(String address, String clusterName, LtsConfig config) {
    return open(address, clusterName, config, NodeEvents.IGNORED);
  }

  /** {@link #open(String, String, LtsConfig)}, reporting to {@code events}. */
  public static Registry open(
      String address, String clusterName, LtsConfig config, NodeEvents events) {
    Names.require("clusterName", clusterName);
    String scheme = scheme(address);
    return Plugins.find(RegistryFactory.class, scheme, "registryAddress")
        .open(address.trim(), clusterName, config, events);
  }

  /** The part before {@code ://}, lower case. */
  public static String scheme(String address) {
    int at = address == null ? -1 : address.indexOf(SEPARATOR);
    if (at <= 0) {
      throw new RegistryException(
          "Registry address '"
              + address
              + "' has no scheme; write e.g. zookeeper://127.0.0.1:2181 or redis://127.0.0.1:6379");
    }
    return address.trim().substring(0, address.trim().indexOf(SEPARATOR)).toLowerCase(Locale.ROOT);
  }

  /** The part after {@code ://}. */
  public static String withoutScheme(String address) {
    return address.trim().substring(address.trim().indexOf(SEPARATOR) + SEPARATOR.length());
  }
}
