package com.lts.core.store.internal.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema to the newest version at start. Scripts are resources named {@code
 * META-INF/lts/schema/<dialect>/V<n>__<description>.sql}, numbered from 1 without gaps and listed
 * in {@link #SCRIPTS}; {@code lts_schema_version} records which ran. A dialect lock keeps two nodes
 * that start at once from running the same script twice.
 */
final class SchemaMigrator {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

  /** Every script, in order; version n is element n-1. */
  static final List<String> SCRIPTS =
      List.of(
          "V1__init.sql",
          "V2__misfire_policy.sql",
          "V3__outbox_submit_ids.sql",
          "V4__dead_jobs_settings.sql");

  private static final String VERSION_TABLE =
      "CREATE TABLE IF NOT EXISTS lts_schema_version (version INT NOT NULL PRIMARY KEY,"
          + " script VARCHAR(200) NOT NULL, installed BIGINT NOT NULL)";

  private final Dialect dialect;

  SchemaMigrator(Dialect dialect) {
    this.dialect = dialect;
  }

  /** Runs the scripts not yet recorded; returns how many ran. */
  int migrate(Connection c) throws SQLException {
    dialect.lockSchema(c);
    try {
      try (Statement s = c.createStatement()) {
        s.execute(VERSION_TABLE);
      }
      Set<Integer> applied = applied(c);
      int ran = 0;
      for (int version = 1; version <= SCRIPTS.size(); version++) {
        if (!applied.contains(version)) {
          run(c, version, SCRIPTS.get(version - 1));
          ran++;
        }
      }
      return ran;
    } finally {
      dialect.unlockSchema(c);
    }
  }

  /** The newest version recorded, 0 when none. */
  static int currentVersion(Connection c) throws SQLException {
    int max = 0;
    for (int v : applied(c)) {
      max = Math.max(max, v);
    }
    return max;
  }

  private static Set<Integer> applied(Connection c) throws SQLException {
    Set<Integer> versions = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version FROM lts_schema_version")) {
      while (rs.next()) {
        versions.add(rs.getInt(1));
      }
    }
    return versions;
  }

  private void run(Connection c, int version, String script) throws SQLException {
    String resource = "META-INF/lts/schema/" + dialect.name() + "/" + script;
    log.info("Migrating job store schema to version {} ({})", version, resource);
    try (Statement s = c.createStatement()) {
      for (String statement : statements(read(resource))) {
        try {
          s.execute(statement);
        } catch (SQLException e) {
          if (!dialect.isAlreadyApplied(e)) {
            throw e;
          }
          log.info(
              "Skipping a statement of {} that an earlier start applied: {}",
              resource,
              e.getMessage());
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO lts_schema_version (version, script, installed) VALUES (?, ?, ?)")) {
      ps.setInt(1, version);
      ps.setString(2, script);
      ps.setLong(3, System.currentTimeMillis());
      ps.executeUpdate();
    }
  }

  private static String read(String resource) throws SQLException {
    try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new SQLException("Schema script " + resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SQLException("Cannot read schema script " + resource, e);
    }
  }

  /** Splits a script at semicolons that end a line; drops {@code --} comment lines. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(statement.substring(0, statement.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
