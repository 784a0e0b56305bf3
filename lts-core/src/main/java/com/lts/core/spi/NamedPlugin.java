package com.lts.core.spi;

/**
 * A plugin implementation that users pick by name in configuration (e.g. {@code job.queue=mysql}).
 * Implementations are listed in {@code META-INF/services/<plugin interface>} and must be cheap to
 * construct: usually they are factories that build the real, configured object.
 */
public interface NamedPlugin {

  /** The name users write in configuration; lower case, unique per plugin interface. */
  String name();
}
