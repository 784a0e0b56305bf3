package com.lts.core.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

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

  /** Whether {@code e} reports a unique-key violation. */
  boolean isDuplicateKey(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if ("23505".equals(x.getSQLState())) {
        return true;
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

  /** Driver properties the pool passes to every connection. */
  Map<String, String> driverProperties() {
    return Map.of();
  }
}
