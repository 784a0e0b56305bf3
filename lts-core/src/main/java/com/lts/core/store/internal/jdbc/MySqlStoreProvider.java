package com.lts.core.store.internal.jdbc;

/** {@code job.queue=mysql}: MySQL 8 or MariaDB 10.6+ through mysql-connector-j. */
public final class MySqlStoreProvider extends JdbcStoreProvider {

  @Override
  public String name() {
    return "mysql";
  }

  @Override
  Dialect dialect() {
    return new MySqlDialect();
  }

  @Override
  String[] urlPrefixes() {
    return new String[] {"jdbc:mysql:", "jdbc:mariadb:"};
  }

  @Override
  String example() {
    return "jdbc:mysql://127.0.0.1:3306/lts?useSSL=false&allowPublicKeyRetrieval=true";
  }
}
