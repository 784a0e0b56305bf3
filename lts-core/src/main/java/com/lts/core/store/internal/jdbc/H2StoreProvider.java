package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoreContext;
import java.util.Locale;

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

  /**
   * Keeps the database open until the store closes it: by default H2 closes it in its own JVM
   * shutdown hook, under nodes that are still stopping (and reporting) in theirs. Not with
   * AUTO_SERVER=TRUE (a file shared by several processes), which H2 refuses to combine with it.
   */
  @Override
  String withSettings(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    return upper.contains("DB_CLOSE_ON_EXIT") || upper.contains("AUTO_SERVER=TRUE")
        ? url
        : url + ";DB_CLOSE_ON_EXIT=FALSE";
  }

  @Override
  String example() {
    return "jdbc:h2:file:/var/lib/lts/h2/lts-job-store";
  }
}
