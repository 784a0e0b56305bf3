package com.lts.core.store.internal.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** MySQL 8 and MariaDB 10.6+ (both have {@code FOR UPDATE SKIP LOCKED}). */
final class MySqlDialect extends Dialect {

  private static final int ER_DUP_ENTRY = 1062;
  private static final int ER_DUP_FIELDNAME = 1060;
  private static final int ER_DUP_KEYNAME = 1061;
  private static final String LOCK_NAME = "lts_schema_migration";

  @Override
  String name() {
    return "mysql";
  }

  @Override
  String currentMillisQuery() {
    return "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
  }

  /**
   * MariaDB found rows by {@code job_id = ? AND state = ?} through {@code idx_lts_job_state (state,
   * job_id)}, locking that index's entry before the row, while a completion's DELETE locks the row
   * first and then that entry: a lease renewal and a completion of the same run deadlocked.
   */
  @Override
  String byPrimaryKey(String sql) {
    return forcePrimaryKey(sql);
  }

  /** An UPDATE of the job table made to find its rows through the primary key. */
  static String forcePrimaryKey(String sql) {
    String update = "UPDATE " + JobSql.TABLE + " SET ";
    if (!sql.startsWith(update)) {
      throw new IllegalArgumentException("not an UPDATE of " + JobSql.TABLE + ": " + sql);
    }
    return "UPDATE "
        + JobSql.TABLE
        + " FORCE INDEX (PRIMARY) SET "
        + sql.substring(update.length());
  }

  /**
   * With a small table MariaDB reads {@code job_id IN (...)} of many ids by scanning the primary
   * key whole rather than as ranges (EXPLAIN on 30 rows, 17 ids: type "index"/"ALL", even with
   * FORCE INDEX), and a locking read or DELETE that scans locks, or waits for, every row it passes:
   * two completions of disjoint runs deadlocked on each other's rows. Joined to the ids as a
   * derived table, each row is one primary-key lookup (eq_ref) whatever the table holds.
   */
  @Override
  String lockForFinish(int n) {
    return "SELECT t.job_id, t.attempt, t.state, t.lease_deadline FROM "
        + JobSql.TABLE
        + " t JOIN "
        + idsTable(n)
        + " ids ON t.job_id = ids.job_id ORDER BY t.job_id FOR UPDATE";
  }

  /** See {@link #lockForFinish}. */
  @Override
  String deleteByIds(int n) {
    return "DELETE t FROM "
        + JobSql.TABLE
        + " t JOIN "
        + idsTable(n)
        + " ids ON t.job_id = ids.job_id";
  }

  /** {@code n} job id parameters as a derived table with one column, job_id, in the order bound. */
  private static String idsTable(int n) {
    return "(SELECT ? AS job_id" + " UNION ALL SELECT ?".repeat(n - 1) + ")";
  }

  /**
   * MariaDB reads a page after a cursor ({@code state = ? AND job_id > ? ORDER BY job_id}) with
   * "ref" access on (state, job_id) — from the first row of the state on, 10 ms per 150,000 rows
   * before the cursor (ANALYZE FORMAT=JSON) — unless the index is forced, which makes it a range
   * that starts at the cursor (0.1 ms).
   */
  @Override
  String readThrough(String table, String index) {
    return table + " FORCE INDEX (" + index + ")";
  }

  @Override
  Claimer claimer() {
    return new SelectThenUpdateClaimer();
  }

  @Override
  boolean isDuplicateKey(SQLException e) {
    return anyInChain(e, x -> x.getErrorCode() == ER_DUP_ENTRY);
  }

  @Override
  boolean isAlreadyApplied(SQLException e) {
    return e.getErrorCode() == ER_DUP_FIELDNAME || e.getErrorCode() == ER_DUP_KEYNAME;
  }

  @Override
  void lockSchema(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, 120)")) {
      ps.setString(1, LOCK_NAME);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || rs.getInt(1) != 1) {
          throw new SQLException(
              "Timed out after 120 s waiting for lock '"
                  + LOCK_NAME
                  + "' held by another node migrating the schema");
        }
      }
    }
  }

  @Override
  void unlockSchema(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      ps.setString(1, LOCK_NAME);
      ps.executeQuery().close();
    }
  }

  /** MySQL and MariaDB refuse LIMIT in an IN subquery, but take it on DELETE itself. */
  @Override
  String deleteOldest(String table, String condition, String order) {
    return "DELETE FROM " + table + " WHERE " + condition + " ORDER BY " + order + " LIMIT ?";
  }

  /** mysql-connector-j (also used for jdbc:mariadb: URLs): both in milliseconds. */
  @Override
  Map<String, String> timeoutProperties(Duration query, Duration socket, Duration connect) {
    return Map.of(
        "socketTimeout", Long.toString(socket.toMillis()),
        "connectTimeout", Long.toString(connect.toMillis()));
  }

  /**
   * MySQL's driver switches auto-commit with a statement of its own, {@code SET autocommit=0}
   * before a transaction and {@code SET autocommit=1} after it: in a latency run on MariaDB 5.2 of
   * the 16 statements per job. Connections that stay in a transaction save both round trips.
   */
  @Override
  boolean poolInTransaction() {
    return true;
  }

  /**
   * Batches of UPDATE/DELETE go to the server in one round trip (update counts stay per statement).
   * The driver parses each statement's text on every prepare unless it is in its cache, whose
   * defaults (25 statements of at most 256 characters) kept out every statement that names the job
   * table's columns: a profile of a drain showed that parsing as the JVM's largest JDBC cost.
   */
  @Override
  Map<String, String> driverProperties() {
    return Map.of(
        "rewriteBatchedStatements", "true",
        "cachePrepStmts", "true",
        "prepStmtCacheSize", "250",
        "prepStmtCacheSqlLimit", "2048");
  }
}
