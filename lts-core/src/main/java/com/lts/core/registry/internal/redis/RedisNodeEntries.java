package com.lts.core.registry.internal.redis;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeType;
import com.lts.core.internal.json.Json;
import com.lts.core.internal.json.JsonException;
import com.lts.core.registry.internal.RegistryPaths;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.SetParams;

/**
 * How node entries are laid out in Redis: one string per node with a TTL, one set per node type
 * indexing the identities, and a message on the cluster's channel after every change.
 */
final class RedisNodeEntries {

  private static final Logger log = LoggerFactory.getLogger(RedisNodeEntries.class);
  static final String NODES_MESSAGE = "NODES:";

  private final RegistryPaths paths;
  private final String channel;
  private final long ttlMillis;

  RedisNodeEntries(RegistryPaths paths, String channel, long ttlMillis) {
    this.paths = paths;
    this.channel = channel;
    this.ttlMillis = ttlMillis;
  }

  String key(Node node) {
    return paths.node(node.getNodeType(), node.getIdentity());
  }

  /** Writes (or renews) the entry of {@code node}. */
  void write(Pipeline pipeline, Node node) {
    pipeline.set(key(node), Json.toJson(node), SetParams.setParams().px(ttlMillis));
    pipeline.sadd(paths.nodes(node.getNodeType()), node.getIdentity());
  }

  /** Deletes the entry of {@code node} and announces it. */
  void delete(Pipeline pipeline, Node node) {
    pipeline.del(key(node));
    pipeline.srem(paths.nodes(node.getNodeType()), node.getIdentity());
    announce(pipeline, node.getNodeType());
  }

  /** Tells every registry of the cluster to read {@code type} again. */
  void announce(Pipeline pipeline, NodeType type) {
    pipeline.publish(channel, NODES_MESSAGE + type.name());
  }

  /** Every live entry of {@code type}; index members whose entry expired are dropped. */
  List<Node> read(Jedis jedis, NodeType type) {
    String index = paths.nodes(type);
    List<String> identities = new ArrayList<>(jedis.smembers(index));
    List<Node> nodes = new ArrayList<>();
    if (identities.isEmpty()) {
      return nodes;
    }
    String[] keys =
        identities.stream().map(identity -> paths.node(type, identity)).toArray(String[]::new);
    List<String> values = jedis.mget(keys);
    List<String> expired = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      String value = values.get(i);
      if (value == null) {
        expired.add(identities.get(i));
      } else {
        Node node = parse(keys[i], value);
        if (node != null) {
          nodes.add(node);
        }
      }
    }
    if (!expired.isEmpty()) {
      // A node re-registering right now adds itself back at its next renewal.
      jedis.srem(index, expired.toArray(String[]::new));
    }
    return nodes;
  }

  private static Node parse(String key, String value) {
    try {
      return Json.fromJson(value, Node.class);
    } catch (JsonException e) {
      log.warn("Ignoring unreadable registry entry {}: {}", key, e.getMessage());
      return null;
    }
  }
}
