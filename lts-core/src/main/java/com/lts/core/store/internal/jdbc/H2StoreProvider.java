package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoreContext;

/**
 * {@code job.queue=h2}, the default: an H2 file under the node's data path unless jdbc.url is set.
 */
public final class H2StoreProvider extends JdbcStoreProvider {

  @Override
  public String name() {
    return "h2";
  }

  @Override
  Dialect dialect() {
    return new H2Dialect();
  }

  @Override
  String[] urlPrefixes() {
    return new String[] {"jdbc:h2:"};
  }

  @Override
  String defaultUrl(StoreContext context) {
    return "jdbc:h2:file:"
        + context
            .dataPath()
            .resolve(".lts")
            .resolve("h2")
            .resolve("lts-job-store")
            .toAbsolutePath();
  }

  @Override
  String example() {
    return "jdbc:h2:file:/var/lib/lts/h2/lts-job-store";
  }
}
