package com.lts.core.loadbalance.internal;

import com.lts.core.loadbalance.LoadBalance;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Any candidate, uniformly at random (LTS's default). */
public final class RandomLoadBalance implements LoadBalance {

  @Override
  public String name() {
    return "random";
  }

  @Override
  public <T> T select(List<T> candidates, String key) {
    if (candidates == null || candidates.isEmpty()) {
      return null;
    }
    return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
  }
}
