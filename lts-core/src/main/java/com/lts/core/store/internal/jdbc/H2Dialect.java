package com.lts.core.store.internal.jdbc;

import java.sql.Connection;

/**
 * H2 2.x. Its {@code FOR UPDATE SKIP LOCKED} locks every row matching the WHERE clause when the
 * ORDER BY is not served by the primary key, so claims use per-row compare-and-set updates instead.
 * An H2 file is opened by one process only, and its DDL is serialized and idempotent ({@code IF NOT
 * EXISTS}), so migrations need no extra lock.
 */
final class H2Dialect extends Dialect {

  @Override
  String name() {
    return "h2";
  }

  @Override
  String readThrough(String table, String index) {
    return table + " USE INDEX (" + index + ")";
  }

  @Override
  Claimer claimer() {
    return new CompareAndSetClaimer();
  }

  @Override
  String currentMillisQuery() {
    return "SELECT DATEDIFF('MILLISECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00',"
        + " CURRENT_TIMESTAMP(3))";
  }

  @Override
  void lockSchema(Connection c) {
    // see class comment
  }

  @Override
  void unlockSchema(Connection c) {
    // see class comment
  }
}
