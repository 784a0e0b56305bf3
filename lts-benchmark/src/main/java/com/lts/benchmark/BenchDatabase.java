package com.lts.benchmark;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh, private job store database for one round: an H2 file under the round's folder, a
 * MariaDB/MySQL database or a PostgreSQL schema on loopback. {@link #close()} drops it.
 */
final class BenchDatabase implements AutoCloseable {

  static final String MYSQL_ADMIN =
      "jdbc:mysql://127.0.0.1:3306/test?useSSL=false&allowPublicKeyRetrieval=true";
  static final String POSTGRES_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test";

  /** Connections of the store's pool: the JobTracker's and the benchmark's own each. */
  static final int POOL_SIZE = 10;

  private final String store;
  private final String url;
  private final String user;
  private final String adminUrl;
  private final String dropSql;

  private BenchDatabase(String store, String url, String user, String adminUrl, String dropSql) {
    this.store = store;
    this.url = url;
    this.user = user;
    this.adminUrl = adminUrl;
    this.dropSql = dropSql;
  }

  /** Why a store cannot be measured here, or null when its server answers. */
  static String unreachable(String store) {
    return switch (store) {
      case "h2" -> null;
      case "mysql" -> portClosed(3306, "MariaDB/MySQL");
      case "postgresql" -> portClosed(5432, "PostgreSQL");
      default -> "unknown store " + store;
    };
  }

  private static String portClosed(int port, String what) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return null;
    } catch (IOException e) {
      return what + " is not reachable on 127.0.0.1:" + port + " (" + e.getMessage() + ")";
    }
  }

  static BenchDatabase create(String store, Path roundDir) throws SQLException {
    String name = "lts_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    return switch (store) {
      case "h2" -> {
        String url = "jdbc:h2:file:" + roundDir.resolve("h2").resolve(name).toAbsolutePath();
        yield new BenchDatabase(store, url, null, url, "SHUTDOWN");
      }
      case "mysql" -> {
        execute(MYSQL_ADMIN, "root", "CREATE DATABASE " + name);
        yield new BenchDatabase(
            store,
            "jdbc:mysql://127.0.0.1:3306/" + name + "?useSSL=false&allowPublicKeyRetrieval=true",
            "root",
            MYSQL_ADMIN,
            "DROP DATABASE " + name);
      }
      case "postgresql" -> {
        execute(POSTGRES_ADMIN, "postgres", "CREATE SCHEMA " + name);
        yield new BenchDatabase(
            store,
            POSTGRES_ADMIN + "?currentSchema=" + name,
            "postgres",
            POSTGRES_ADMIN,
            "DROP SCHEMA " + name + " CASCADE");
      }
      default -> throw new IllegalArgumentException("unknown store " + store);
    };
  }

  String store() {
    return store;
  }

  /**
   * A connection pool on this database for a peer scheduler (Quartz, db-scheduler) or the
   * benchmark's own checks: the store's URL and user, at most {@code size} connections. The caller
   * closes it before this database is dropped.
   */
  HikariDataSource pool(String name, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(Math.min(2, size));
    return new HikariDataSource(config);
  }

  /** Rows of {@code table} in this database, read through {@code pool}. */
  static long count(DataSource pool, String table) {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("could not count the rows of " + table + ": " + e, e);
    }
  }

  LtsConfig config() {
    LtsConfig.Builder b =
        LtsConfig.builder()
            .set(ConfigKeys.JOB_QUEUE, store)
            .set(ConfigKeys.JDBC_URL, url)
            .set(ConfigKeys.JDBC_POOL_MAX_SIZE, POOL_SIZE);
    if (user != null) {
      b.set(ConfigKeys.JDBC_USERNAME, user);
    }
    return b.build();
  }

  /** The server's version and the settings that decide how durable a commit is. */
  Map<String, String> describe() throws SQLException {
    Map<String, String> facts = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, user, null);
        Statement s = c.createStatement()) {
      switch (store) {
        case "h2" -> {
          facts.put("version", single(s, "SELECT H2VERSION()"));
          facts.put("url", url);
        }
        case "mysql" -> {
          facts.put("version", single(s, "SELECT VERSION()"));
          // MariaDB and MySQL name the isolation variable differently; absent ones are left out.
          try (ResultSet rs =
              s.executeQuery(
                  "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('innodb_flush_log_at_trx_commit',"
                      + " 'sync_binlog', 'log_bin', 'tx_isolation', 'transaction_isolation',"
                      + " 'innodb_buffer_pool_size')")) {
            while (rs.next()) {
              facts.put(rs.getString(1), rs.getString(2));
            }
          }
        }
        case "postgresql" -> {
          facts.put("version", single(s, "SHOW server_version"));
          facts.put("synchronous_commit", single(s, "SHOW synchronous_commit"));
          facts.put("fsync", single(s, "SHOW fsync"));
          facts.put("shared_buffers", single(s, "SHOW shared_buffers"));
        }
        default -> throw new IllegalStateException(store);
      }
    }
    return facts;
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Override
  public void close() throws SQLException {
    execute(adminUrl, user, dropSql);
  }

  private static void execute(String url, String user, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, null);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
