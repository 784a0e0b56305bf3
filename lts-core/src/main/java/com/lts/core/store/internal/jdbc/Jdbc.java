package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoreException;
import com.lts.core.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * Runs work on a pooled connection, in auto-commit or in one transaction, and turns {@link
 * SQLException}s into {@link StoreException}s that say what was being done and where.
 */
final class Jdbc {

  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String where;
  private final int queryTimeoutSeconds;

  /**
   * @param queryTimeoutSeconds set on every statement, so that no statement waits on the database
   *     for ever (0: none)
   */
  Jdbc(DataSource dataSource, Dialect dialect, String where, int queryTimeoutSeconds) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.where = where;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    return queryTimeoutSeconds > 0 ? QueryTimeouts.apply(c, queryTimeoutSeconds) : c;
  }

  Dialect dialect() {
    return dialect;
  }

  /** Runs {@code work} with auto-commit on: each statement is its own transaction. */
  <T> T autoCommit(String action, Work<T> work) {
    try (Connection c = connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(action, e);
    }
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none. */
  <T> T transaction(String action, Work<T> work) {
    try (Connection c = connection()) {
      return inTransaction(c, work);
    } catch (SQLException e) {
      throw translate(action, e);
    }
  }

  /** Runs {@code work} in a transaction on {@code c}; joins the one already open on it, if any. */
  static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
    if (!c.getAutoCommit()) {
      return work.run(c);
    }
    c.setAutoCommit(false);
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  StoreException translate(String action, SQLException e) {
    if (isConnectionProblem(e)) {
      return new StoreUnavailableException(
          "Cannot reach the job store at "
              + where
              + " to "
              + action
              + ": "
              + e.getMessage()
              + ". Check that the database is running and that jdbc.url, jdbc.username and"
              + " jdbc.password are right.",
          e);
    }
    return new StoreException(
        "Job store at " + where + " failed to " + action + ": " + e.getMessage(), e);
  }

  private static boolean isConnectionProblem(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientConnectionException
        || e instanceof java.sql.SQLNonTransientConnectionException
        || e instanceof java.sql.SQLTimeoutException
        || (state != null && state.startsWith("08"));
  }
}
