package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL: one statement picks the due rows with {@code FOR UPDATE SKIP LOCKED} (rows another
 * claimer holds are skipped, not waited for), updates them and returns them.
 */
final class UpdateReturningClaimer extends Claimer {

  static final Comparator<StoredJob> CLAIM_ORDER =
      Comparator.comparingInt((StoredJob j) -> j.job().getPriority())
          .thenComparingLong(StoredJob::triggerTime)
          .thenComparing(StoredJob::jobId);

  private final Map<JobSql.Range, String> statements = perRange(UpdateReturningClaimer::sql);

  UpdateReturningClaimer() {
    super(JobSql.firstPriority(JobSql.TABLE), JobSql.nextPriority(JobSql.TABLE), true);
  }

  /**
   * Claims in a transaction that tells the planner to avoid sorting: PostgreSQL has no index hints,
   * and with a freshly filled table's statistics it read a claim's range after the cursor through
   * {@code idx_lts_job_due} and sorted it (auto_explain: 28 - 60 ms per claim) instead of reading
   * the claim index in its order. {@code SET LOCAL} ends with the transaction.
   */
  @Override
  List<StoredJob> claim(
      Connection c, String group, String identity, int max, long leaseDeadline, long now)
      throws SQLException {
    return Jdbc.inTransaction(
        c,
        tx -> {
          try (Statement s = tx.createStatement()) {
            s.execute("SET LOCAL enable_sort = off");
          }
          return super.claim(tx, group, identity, max, leaseDeadline, now);
        });
  }

  // The rows are picked once in a CTE. Written as "UPDATE ... WHERE job_id IN (SELECT ... LIMIT n
  // FOR UPDATE SKIP LOCKED)", PostgreSQL may evaluate the subquery again while re-checking rows
  // that other transactions changed, and update far more than n rows.
  private static String sql(JobSql.Range range) {
    return "WITH picked AS (SELECT job_id AS picked_id"
        + JobSql.due(range, false)
        + " FOR UPDATE SKIP LOCKED) "
        + JobSql.CLAIM_SET
        + " FROM picked WHERE job_id = picked.picked_id AND state = "
        + JobSql.EXECUTABLE
        + " RETURNING "
        + JobSql.COLUMNS;
  }

  @Override
  List<StoredJob> claimLevel(
      Connection c,
      String group,
      int priority,
      boolean andAbove,
      Cursor after,
      String identity,
      int max,
      long leaseDeadline,
      long now)
      throws SQLException {
    List<StoredJob> claimed = new ArrayList<>(max);
    try (PreparedStatement ps = c.prepareStatement(statements.get(range(andAbove, after)))) {
      int i = bindDue(ps, 1, group, priority, now, after, max);
      ps.setString(i++, identity);
      ps.setLong(i++, leaseDeadline);
      ps.setLong(i, now);
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
