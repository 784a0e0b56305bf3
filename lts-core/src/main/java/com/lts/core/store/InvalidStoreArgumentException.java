package com.lts.core.store;

/** A store operation was called with an argument it refuses (a bad name, a size out of range). */
public class InvalidStoreArgumentException extends StoreException {

  public InvalidStoreArgumentException(String message) {
    super(message);
  }
}
