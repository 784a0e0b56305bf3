package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * MySQL/MariaDB: no UPDATE ... RETURNING, so one transaction locks the due rows with {@code SELECT
 * ... FOR UPDATE SKIP LOCKED} and marks them all with one UPDATE. The locks make the two statements
 * one atomic step.
 */
final class SelectThenUpdateClaimer extends Claimer {

  /**
   * Forces the claim index: with fresh statistics MariaDB may prefer {@code idx_lts_job_due}
   * (state, trigger_time, ...) and sort, and a sorted {@code FOR UPDATE} locks every due row it
   * reads, not just the first {@code max}, so claimers deadlock instead of skipping each other.
   */
  private static final Map<JobSql.Range, String> SELECTS =
      perRange(SelectThenUpdateClaimer::select);

  /**
   * The priority lookups ask for {@code MIN(priority)}, which MariaDB answers with one dive into
   * the claim index ("Select tables optimized away"). Asked as {@code ORDER BY ... LIMIT 1}, even
   * with the index forced, MariaDB read the group's whole executable range while claims ran: the
   * slow log of a 50,000-job drain showed 16 ms and 23,700 rows examined per lookup on average,
   * falling with the jobs still waiting (49,945 rows in the first tenth of the drain, 4,233 in the
   * last).
   */
  SelectThenUpdateClaimer() {
    super(JobSql.minPriority(false), JobSql.minPriority(true), true);
  }

  private static String select(JobSql.Range range) {
    return "SELECT "
        + JobSql.COLUMNS
        + " FROM "
        + JobSql.TABLE
        + " FORCE INDEX ("
        + JobSql.CLAIM_INDEX
        + ")"
        + JobSql.dueCondition(range, false)
        + " FOR UPDATE SKIP LOCKED";
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
    return Jdbc.inTransaction(
        c,
        tx -> {
          List<StoredJob> due = new ArrayList<>(max);
          try (PreparedStatement ps = tx.prepareStatement(SELECTS.get(range(andAbove, after)))) {
            bindDue(ps, 1, group, priority, now, after, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                due.add(JobRows.read(rs));
              }
            }
          }
          if (due.isEmpty()) {
            return due;
          }
          // Through the primary key: on a small table MariaDB would scan it (see MySqlDialect).
          String update =
              MySqlDialect.forcePrimaryKey(
                  JobSql.CLAIM_SET + " WHERE job_id IN (" + JobSql.placeholders(due.size()) + ")");
          try (PreparedStatement ps = tx.prepareStatement(update)) {
            int i = 1;
            ps.setString(i++, identity);
            ps.setLong(i++, leaseDeadline);
            ps.setLong(i++, now);
            for (StoredJob job : due) {
              ps.setString(i++, job.jobId());
            }
            int updated = ps.executeUpdate();
            if (updated != due.size()) {
              throw new SQLException(
                  "Claim updated " + updated + " of " + due.size() + " locked rows; rolled back");
            }
          }
          List<StoredJob> claimed = new ArrayList<>(due.size());
          for (StoredJob job : due) {
            claimed.add(JobRows.claimed(job, identity, leaseDeadline, now));
          }
          return claimed;
        });
  }
}
