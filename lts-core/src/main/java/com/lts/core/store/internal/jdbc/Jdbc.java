package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoreException;
import com.lts.core.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Runs work on a pooled connection, in auto-commit or in one transaction, and turns {@link
 * SQLException}s into {@link StoreException}s that say what was being done and where.
 */
final class Jdbc {

  private static final int DEADLOCK_TRIES = 3;

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

  /**
   * Runs {@code work} with auto-commit on: each statement is its own transaction. On a pool whose
   * connections stay in a transaction ({@link Dialect#poolInTransaction()}) the work is one
   * transaction instead, committed at its end.
   */
  <T> T autoCommit(String action, Work<T> work) {
    try (Connection c = connection()) {
      return c.getAutoCommit() ? work.run(c) : commitAtEnd(c, work);
    } catch (SQLException e) {
      throw translate(action, e);
    }
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none. */
  <T> T transaction(String action, Work<T> work) {
    try (Connection c = connection()) {
      return c.getAutoCommit() ? inTransaction(c, work) : commitAtEnd(c, work);
    } catch (SQLException e) {
      throw translate(action, e);
    }
  }

  /**
   * Deletes the rows of {@code table} whose {@code column} is one of {@code keys}, in statements of
   * at most {@link StoreArguments#IDS_PER_QUERY} keys; returns how many rows went.
   */
  static int deleteIn(Connection c, String table, String column, List<String> keys)
      throws SQLException {
    int deleted = 0;
    for (int from = 0; from < keys.size(); from += StoreArguments.IDS_PER_QUERY) {
      List<String> chunk =
          keys.subList(from, Math.min(keys.size(), from + StoreArguments.IDS_PER_QUERY));
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM "
                  + table
                  + " WHERE "
                  + column
                  + " IN ("
                  + JobSql.placeholders(chunk.size())
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        deleted += ps.executeUpdate();
      }
    }
    return deleted;
  }

  /** On a connection already in a transaction: runs {@code work}, then commits, or rolls back. */
  private static <T> T commitAtEnd(Connection c, Work<T> work) throws SQLException {
    try {
      T result = work.run(c);
      c.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    }
  }

  /**
   * Runs a store call that is one transaction again, up to {@value #DEADLOCK_TRIES} times in all,
   * when the database rolled it back as a deadlock victim or a serialization failure: nothing of it
   * was kept, so it can run again. Claimers of two JobTrackers that take the same rows in different
   * orders (H2 has no SKIP LOCKED) may deadlock; one of them then simply claims again.
   */
  <T> T retryingDeadlocks(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StoreException e) {
        if (attempt >= DEADLOCK_TRIES || !isDeadlock(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean isDeadlock(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // 40001: serialization failure / deadlock (H2, MySQL); 40P01: PostgreSQL's deadlock
        if (state.equals("40001") || state.equals("40P01")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Runs {@code work} in a transaction on {@code c}; joins the one already open on it, if any (on a
   * pool whose connections stay in a transaction, the one the store call commits at its end).
   */
  static <T> T inTransaction(Connection c, Work<T> work) throws SQLException {
    if (!c.getAutoCommit()) {
      return work.run(c);
    }
    c.setAutoCommit(false);
    try {
      return commitAtEnd(c, work);
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
