package com.lts.core.registry.internal.redis;

import com.lts.core.config.LtsConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.registry.Registry;
import com.lts.core.registry.RegistryFactory;

/** {@code redis://host:6379[/database]}: a registry on one Redis server, through Jedis. */
public final class RedisRegistryFactory implements RegistryFactory {

  public static final String SCHEME = "redis";

  @Override
  public String name() {
    return SCHEME;
  }

  @Override
  public Registry open(String address, String clusterName, LtsConfig config, NodeEvents events) {
    return new RedisRegistry(RedisAddress.parse(address), clusterName, config, events);
  }
}
