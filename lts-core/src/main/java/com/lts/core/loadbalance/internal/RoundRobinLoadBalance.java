package com.lts.core.loadbalance.internal;

import com.lts.core.loadbalance.LoadBalance;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Each candidate in turn. One instance keeps one rotation; nodes get their own instance. */
public final class RoundRobinLoadBalance implements LoadBalance {

  private final AtomicInteger next = new AtomicInteger();

  @Override
  public String name() {
    return "roundrobin";
  }

  @Override
  public <T> T select(List<T> candidates, String key) {
    if (candidates == null || candidates.isEmpty()) {
      return null;
    }
    return candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
  }
}
