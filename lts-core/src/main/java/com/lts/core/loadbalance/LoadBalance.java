package com.lts.core.loadbalance;

import com.lts.core.spi.NamedPlugin;
import java.util.List;

/**
 * Picks one of several equivalent nodes, e.g. the JobTracker a JobClient or TaskTracker talks to.
 * Chosen by name with {@code jobclient.select.loadbalance} / {@code jobtracker.select.loadbalance}.
 */
public interface LoadBalance extends NamedPlugin {

  /**
   * One of {@code candidates}, or null when there are none.
   *
   * @param key what the choice is for (e.g. the caller's identity); strategies may ignore it
   */
  <T> T select(List<T> candidates, String key);
}
