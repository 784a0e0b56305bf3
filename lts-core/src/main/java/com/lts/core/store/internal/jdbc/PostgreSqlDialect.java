package com.lts.core.store.internal.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/** PostgreSQL 10+: claims with one {@code UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING}. */
final class PostgreSqlDialect extends Dialect {

  /** Any fixed number: the advisory lock key that serializes migrations ("LTS" in ASCII). */
  private static final long LOCK_KEY = 0x4C5453L;

  @Override
  String name() {
    return "postgresql";
  }

  @Override
  String currentMillisQuery() {
    return "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
  }

  @Override
  Claimer claimer() {
    return new UpdateReturningClaimer();
  }

  /**
   * pgjdbc takes whole seconds for the socket and connect timeouts; the server's own {@code
   * statement_timeout} also ends a statement whose cancel request cannot get through.
   */
  @Override
  Map<String, String> timeoutProperties(Duration query, Duration socket, Duration connect) {
    return Map.of(
        "socketTimeout", Long.toString(ceilSeconds(socket)),
        "connectTimeout", Long.toString(ceilSeconds(connect)),
        "options", "-c statement_timeout=" + query.toMillis());
  }

  private static long ceilSeconds(Duration d) {
    return Math.max(1, (d.toMillis() + 999) / 1000);
  }

  @Override
  void lockSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
    }
  }

  @Override
  void unlockSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
    }
  }
}
