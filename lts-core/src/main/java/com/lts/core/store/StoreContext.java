package com.lts.core.store;

import com.lts.core.config.LtsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What a {@link StoreProvider} needs to open a store.
 *
 * @param dataPath the node's data folder (for the embedded H2 file)
 * @param clock the source of "now" for due jobs and leases
 */
public record StoreContext(LtsConfig config, Path dataPath, Clock clock) {

  public StoreContext {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(dataPath, "dataPath");
    Objects.requireNonNull(clock, "clock");
  }
}
