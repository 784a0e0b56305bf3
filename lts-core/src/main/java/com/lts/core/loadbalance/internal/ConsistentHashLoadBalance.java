package com.lts.core.loadbalance.internal;

import com.lts.core.loadbalance.LoadBalance;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same key keeps landing on the same candidate, and when a candidate leaves only the keys it
 * held move. Candidates are placed on a hash ring by their {@code toString()} (for nodes, their
 * identity) at {@value #VIRTUAL_NODES} points each.
 */
public final class ConsistentHashLoadBalance implements LoadBalance {

  static final int VIRTUAL_NODES = 160;

  @Override
  public String name() {
    return "consistenthash";
  }

  @Override
  public <T> T select(List<T> candidates, String key) {
    if (candidates == null || candidates.isEmpty()) {
      return null;
    }
    TreeMap<Long, T> ring = new TreeMap<>();
    for (T candidate : candidates) {
      String id = String.valueOf(candidate);
      for (int i = 0; i < VIRTUAL_NODES; i++) {
        ring.put(hash(id + "#" + i), candidate);
      }
    }
    Map.Entry<Long, T> entry = ring.ceilingEntry(hash(key == null ? "" : key));
    return entry != null ? entry.getValue() : ring.firstEntry().getValue();
  }

  private static long hash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("MD5").digest(value.getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (digest[i] & 0xFF);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every Java runtime", e);
    }
  }
}
