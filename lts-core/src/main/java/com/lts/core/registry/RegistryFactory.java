package com.lts.core.registry;

import com.lts.core.config.LtsConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.spi.NamedPlugin;

/**
 * Opens registries for one address scheme ({@link #name()}, e.g. {@code zookeeper}). Listed in
 * {@code META-INF/services/com.lts.core.registry.RegistryFactory}.
 */
public interface RegistryFactory extends NamedPlugin {

  /**
   * Connects to the registry at {@code address} (the full address, scheme included). The registry
   * tells {@code events} when its connection is lost and back ({@link
   * com.lts.core.event.NodeEvent.RegistryLost}, {@link com.lts.core.event.NodeEvent.RegistryBack})
   * and when its background work fails.
   *
   * @throws RegistryException when the address is malformed or the server cannot be reached
   */
  Registry open(String address, String clusterName, LtsConfig config, NodeEvents events);
}
