package com.lts.core.store;

import com.lts.core.LtsException;

/** A job store operation failed: the database refused it, could not be reached, or broke. */
public class StoreException extends LtsException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
