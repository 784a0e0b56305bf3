package com.lts.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * A DDL script on the class path (a peer's tables), run statement by statement: whole-line comments
 * ({@code --}, {@code #}) are dropped, statements are split at {@code ;} at the end of a line, and
 * {@code COMMIT} lines are skipped (each statement runs in auto-commit).
 */
final class SqlScript {

  private SqlScript() {}

  /** The statements of the class path resource {@code path}. */
  static List<String> statements(String path) {
    String text;
    try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("DDL script " + path + " is not on the class path");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("could not read DDL script " + path + ": " + e, e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\\R")) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("--") || trimmed.startsWith("#")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        add(statements, current);
        current.setLength(0);
      }
    }
    add(statements, current);
    return statements;
  }

  private static void add(List<String> statements, StringBuilder text) {
    String statement = text.toString().trim();
    if (statement.endsWith(";")) {
      statement = statement.substring(0, statement.length() - 1).trim();
    }
    if (!statement.isEmpty() && !statement.toLowerCase(Locale.ROOT).equals("commit")) {
      statements.add(statement);
    }
  }

  /** Runs every statement of {@code path} on a connection of {@code pool}. */
  static void run(DataSource pool, String path) {
    String current = null;
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String statement : statements(path)) {
        current = statement;
        s.execute(statement);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "DDL script " + path + " failed at: " + current + "\n  " + e.getMessage(), e);
    }
  }
}
