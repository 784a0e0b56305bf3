package com.lts.core.registry.internal.zookeeper;

import com.lts.core.config.LtsConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.registry.Registries;
import com.lts.core.registry.Registry;
import com.lts.core.registry.RegistryException;
import com.lts.core.registry.RegistryFactory;

/** {@code zookeeper://host1:2181,host2:2181}: a registry on ZooKeeper, through Curator. */
public final class ZooKeeperRegistryFactory implements RegistryFactory {

  public static final String SCHEME = "zookeeper";

  @Override
  public String name() {
    return SCHEME;
  }

  @Override
  public Registry open(String address, String clusterName, LtsConfig config, NodeEvents events) {
    return new ZooKeeperRegistry(connectString(address), clusterName, config, events);
  }

  /** {@code host1:2181,host2:2181} from the address, checked. */
  static String connectString(String address) {
    String hosts = Registries.withoutScheme(address);
    while (hosts.endsWith("/")) {
      hosts = hosts.substring(0, hosts.length() - 1);
    }
    if (hosts.isBlank()) {
      throw new RegistryException(
          "ZooKeeper address '" + address + "' names no server; write zookeeper://host:2181");
    }
    for (String host : hosts.split(",")) {
      int colon = host.lastIndexOf(':');
      if (colon <= 0 || !host.substring(colon + 1).matches("\\d{1,5}")) {
        throw new RegistryException(
            "ZooKeeper address '"
                + address
                + "': '"
                + host
                + "' is not host:port; write zookeeper://host1:2181,host2:2181");
      }
    }
    return hosts;
  }
}
