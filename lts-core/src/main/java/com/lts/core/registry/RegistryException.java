package com.lts.core.registry;

import com.lts.core.LtsException;

/** The registry could not be reached, or its address or contents are not usable. */
public class RegistryException extends LtsException {

  public RegistryException(String message) {
    super(message);
  }

  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
