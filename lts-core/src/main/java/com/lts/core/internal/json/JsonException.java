package com.lts.core.internal.json;

import com.lts.core.LtsException;

/** Bytes could not be read as the expected type, or a value could not be written. */
public class JsonException extends LtsException {

  public JsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
