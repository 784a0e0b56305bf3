package com.lts.core.store.internal.jdbc;

import com.lts.core.config.ConfigKeys;
import com.lts.core.store.Store;
import com.lts.core.store.StoreContext;
import com.lts.core.store.StoreException;
import com.lts.core.store.StoreProvider;

/**
 * Opens a JDBC store for one dialect. Loaded by {@code ServiceLoader} even when no JDBC library is
 * present (a JobClient-only classpath), so it touches HikariCP only inside {@link #open}.
 */
abstract class JdbcStoreProvider implements StoreProvider {

  abstract Dialect dialect();

  /** The URL prefixes this dialect accepts, e.g. {@code jdbc:h2:}. */
  abstract String[] urlPrefixes();

  /** The URL to use when {@code jdbc.url} is not set, or null when it must be set. */
  String defaultUrl(StoreContext context) {
    return null;
  }

  @Override
  public Store open(StoreContext context) {
    String url = context.config().get(ConfigKeys.JDBC_URL);
    if (url == null || url.isBlank()) {
      url = defaultUrl(context);
      if (url == null) {
        throw new StoreException(
            "job.queue="
                + name()
                + " needs jdbc.url, e.g. "
                + example()
                + " (with jdbc.username and jdbc.password)");
      }
    }
    if (!startsWithAny(url.trim(), urlPrefixes())) {
      throw new StoreException(
          "jdbc.url '"
              + url
              + "' does not fit job.queue="
              + name()
              + "; expected a URL like "
              + example());
    }
    try {
      return JdbcStore.open(dialect(), withSettings(url.trim()), context);
    } catch (NoClassDefFoundError e) {
      throw new StoreException(
          "job.queue="
              + name()
              + " needs HikariCP and the JDBC driver on the classpath (lts-jobtracker and"
              + " lts-admin bring them): "
              + e.getMessage(),
          e);
    }
  }

  abstract String example();

  /** {@code url} with the settings LTS needs from this database's driver; as it is by default. */
  String withSettings(String url) {
    return url;
  }

  private static boolean startsWithAny(String url, String[] prefixes) {
    for (String prefix : prefixes) {
      if (url.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
