package com.lts.core.store.internal.mongo;

import com.lts.core.store.Store;
import com.lts.core.store.StoreContext;
import com.lts.core.store.StoreException;
import com.lts.core.store.StoreProvider;

/**
 * {@code job.queue=mongo}: MongoDB through mongodb-driver-sync, configured with {@code
 * mongo.addresses}, {@code mongo.database}, {@code mongo.username} and {@code mongo.password}.
 */
public final class MongoStoreProvider implements StoreProvider {

  @Override
  public String name() {
    return "mongo";
  }

  @Override
  public Store open(StoreContext context) {
    try {
      return MongoStore.open(context);
    } catch (NoClassDefFoundError e) {
      throw new StoreException(
          "job.queue=mongo needs mongodb-driver-sync on the classpath (lts-jobtracker and"
              + " lts-admin bring it): "
              + e.getMessage(),
          e);
    }
  }
}
