package com.lts.core.spi;

import com.lts.core.LtsException;
import java.util.List;

/** No implementation of a plugin interface has the requested name. */
public class PluginNotFoundException extends LtsException {

  private final List<String> knownNames;

  public PluginNotFoundException(String message, List<String> knownNames) {
    super(message);
    this.knownNames = List.copyOf(knownNames);
  }

  public List<String> getKnownNames() {
    return knownNames;
  }
}
