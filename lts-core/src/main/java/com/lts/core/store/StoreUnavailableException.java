package com.lts.core.store;

import com.lts.core.event.FailureKind;

/**
 * The database behind a store cannot be reached (down, wrong address, pool exhausted). Nothing was
 * written; the operation may be retried once the database is back.
 */
public class StoreUnavailableException extends StoreException {

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public FailureKind failureKind() {
    return FailureKind.STORE_UNAVAILABLE;
  }
}
