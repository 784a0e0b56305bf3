package com.lts.core.store.internal.mongo;

import com.lts.core.store.StoreException;
import com.lts.core.store.StoreUnavailableException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.util.function.Supplier;

/** Runs driver calls and turns {@link MongoException}s into {@link StoreException}s. */
final class MongoCalls {

  private final String where;

  MongoCalls(String where) {
    this.where = where;
  }

  <T> T run(String action, Supplier<T> call) {
    try {
      return call.get();
    } catch (MongoTimeoutException | MongoSocketException e) {
      throw new StoreUnavailableException(
          "Cannot reach the Mongo job store at "
              + where
              + " to "
              + action
              + ": "
              + e.getMessage()
              + ". Check that mongod is running and that mongo.addresses, mongo.username and"
              + " mongo.password are right.",
          e);
    } catch (MongoException e) {
      throw new StoreException(
          "Mongo job store at " + where + " failed to " + action + ": " + e.getMessage(), e);
    }
  }

  void run(String action, Runnable call) {
    run(
        action,
        () -> {
          call.run();
          return null;
        });
  }

  static boolean isDuplicateKey(MongoException e) {
    return e.getCode() == 11000;
  }
}
