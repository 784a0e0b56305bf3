package com.lts.core.store.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What differs between the databases the JDBC store supports. The SQL they share lives in {@link
 * JobSql}; a dialect adds only the claim statement, duplicate-key detection, the migration lock and
 * driver settings.
 */
abstract class Dialect {

  /** The folder of this dialect's schema scripts under {@code META-INF/lts/schema/}. */
  abstract String name();

  /** How this database claims due jobs. */
  abstract Claimer claimer();

  /** A query answering the database server's current time in epoch milliseconds. */
  abstract String currentMillisQuery();

  /**
   * Whether {@code e} (or, for a batch, an exception chained to it) reports a unique-key violation.
   */
  boolean isDuplicateKey(SQLException e) {
    return anyInChain(e, x -> "23505".equals(x.getSQLState()));
  }

  /**
   * Tests {@code e}, its next exceptions and their causes: drivers chain batch failures either way.
   */
  static boolean anyInChain(SQLException e, Predicate<SQLException> test) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
    while (!todo.isEmpty()) {
      Throwable t = todo.pop();
      if (!seen.add(t)) {
        continue;
      }
      if (t instanceof SQLException x) {
        if (test.test(x)) {
          return true;
        }
        if (x.getNextException() != null) {
          todo.push(x.getNextException());
        }
      }
      if (t.getCause() != null) {
        todo.push(t.getCause());
      }
    }
    return false;
  }

  /**
   * Whether {@code e} says a migration statement's change is there already (a column or index of
   * that name exists), so a script that a crashed start ran half-way can run again. Dialects whose
   * scripts say {@code IF NOT EXISTS} never see this.
   */
  boolean isAlreadyApplied(SQLException e) {
    return false;
  }

  /**
   * Takes a lock that serializes schema migrations of concurrent starts (held by {@code c} until
   * {@link #unlockSchema}).
   */
  abstract void lockSchema(Connection c) throws SQLException;

  abstract void unlockSchema(Connection c) throws SQLException;

  /**
   * Driver properties that bound how long a connection waits on the database: to connect, and for
   * an answer on its socket (a silent network cut otherwise blocks a statement for ever). None for
   * an embedded database.
   */
  Map<String, String> timeoutProperties(Duration query, Duration socket, Duration connect) {
    return Map.of();
  }

  /**
   * A DELETE of at most {@code ?} rows (the last parameter) of {@code table} (keyed by {@code id})
   * matching {@code condition}, lowest {@code order} first.
   */
  String deleteOldest(String table, String condition, String order) {
    return "DELETE FROM "
        + table
        + " WHERE id IN (SELECT id FROM "
        + table
        + " WHERE "
        + condition
        + " ORDER BY "
        + order
        + " LIMIT ?)";
  }

  /** Driver properties the pool passes to every connection. */
  Map<String, String> driverProperties() {
    return Map.of();
  }

  /**
   * {@code sql}, an UPDATE of one job row found by its job id (and state), made to find the row
   * through the primary key where the database might take a secondary index instead.
   */
  String byPrimaryKey(String sql) {
    return sql;
  }

  /**
   * Whether the pool's connections stay out of auto-commit, so that a transaction needs no round
   * trips to switch it off and on again; every call then ends with a commit or rollback.
   */
  boolean poolInTransaction() {
    return false;
  }

  /**
   * Locks the rows of {@code n} job ids (bound in job id order) and reads job_id, attempt, state
   * and lease_deadline, in job id order.
   */
  String lockForFinish(int n) {
    return JobSql.lockForFinish(n);
  }

  /** Deletes the rows of {@code n} job ids. */
  String deleteByIds(int n) {
    return JobSql.deleteByIds(n);
  }

  /**
   * {@code table} in a FROM clause, made to be read through {@code index} where the database might
   * walk another index (or the same one the slow way) instead.
   */
  String readThrough(String table, String index) {
    return table;
  }
}
