package com.lts.core.store.jdbc;

import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PostgreSQL: one statement selects the due rows with {@code FOR UPDATE SKIP LOCKED} (rows another
 * claimer holds are skipped, not waited for), updates them and returns them.
 */
final class UpdateReturningClaimer implements Claimer {

  static final Comparator<StoredJob> CLAIM_ORDER =
      Comparator.comparingInt((StoredJob j) -> j.job().getPriority())
          .thenComparingLong(StoredJob::triggerTime)
          .thenComparing(StoredJob::jobId);

  private final String sql;

  UpdateReturningClaimer() {
    this.sql =
        JobSql.CLAIM_SET
            + " WHERE state = "
            + JobSql.EXECUTABLE
            + " AND job_id IN (SELECT job_id"
            + JobSql.DUE
            + " FOR UPDATE SKIP LOCKED) RETURNING "
            + JobSql.COLUMNS;
  }

  @Override
  public List<StoredJob> claim(
      Connection c, String group, String identity, int max, long leaseDeadline, long now)
      throws SQLException {
    List<StoredJob> claimed = new ArrayList<>(max);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, identity);
      ps.setLong(2, leaseDeadline);
      ps.setLong(3, now);
      ps.setString(4, group);
      ps.setLong(5, now);
      ps.setInt(6, max);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          claimed.add(JobRows.read(rs));
        }
      }
    }
    claimed.sort(CLAIM_ORDER);
    return claimed;
  }
}
