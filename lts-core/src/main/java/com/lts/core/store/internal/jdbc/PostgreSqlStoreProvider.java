package com.lts.core.store.internal.jdbc;

/** {@code job.queue=postgresql}: PostgreSQL 10+. */
public final class PostgreSqlStoreProvider extends JdbcStoreProvider {

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  Dialect dialect() {
    return new PostgreSqlDialect();
  }

  @Override
  String[] urlPrefixes() {
    return new String[] {"jdbc:postgresql:"};
  }

  @Override
  String example() {
    return "jdbc:postgresql://127.0.0.1:5432/lts";
  }
}
