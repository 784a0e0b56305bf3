package com.lts.core.config;

import com.lts.core.LtsException;

/**
 * A configuration key or value was refused; the message names the key, the value and what to write.
 */
public class ConfigException extends LtsException {

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
