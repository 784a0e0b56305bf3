package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One way of claiming due jobs; each dialect picks the best its database supports. A claim walks
 * the group's priorities lowest first, each found with one index lookup, and claims the due rows of
 * each level with a range that ends at now (see {@link JobSql#dueCondition}), so jobs waiting for a
 * later time cost a claim nothing. Past {@value #MAX_LEVELS} levels the rest are claimed in one
 * read across all remaining priorities, so a group with very many distinct priorities still costs a
 * bounded number of statements.
 */
abstract class Claimer {

  static final int MAX_LEVELS = 16;

  private final String firstPriority;
  private final String nextPriority;

  /** Claims whose priority lookups read the first entry of the claim index in its order. */
  Claimer() {
    this(JobSql.firstPriority(JobSql.TABLE), JobSql.nextPriority(JobSql.TABLE));
  }

  /**
   * @param firstPriority the lowest priority with executable rows; parameter: group
   * @param nextPriority the next one above a priority; parameters: group, priority
   */
  Claimer(String firstPriority, String nextPriority) {
    this.firstPriority = firstPriority;
    this.nextPriority = nextPriority;
  }

  /**
   * Claims up to {@code max} due jobs of {@code group} on {@code c} (auto-commit on; an
   * implementation opens its own transaction when it needs one).
   *
   * @return the claimed rows as they are after the claim, in claim order
   */
  List<StoredJob> claim(
      Connection c, String group, String identity, int max, long leaseDeadline, long now)
      throws SQLException {
    List<StoredJob> claimed = new ArrayList<>(max);
    Integer priority = null;
    for (int level = 1; claimed.size() < max; level++) {
      if (level > MAX_LEVELS) {
        claimed.addAll(
            claimLevel(
                c, group, priority, true, identity, max - claimed.size(), leaseDeadline, now));
        break;
      }
      priority = nextPriority(c, group, priority);
      if (priority == null) {
        break;
      }
      claimed.addAll(
          claimLevel(
              c, group, priority, false, identity, max - claimed.size(), leaseDeadline, now));
    }
    return claimed;
  }

  /**
   * Claims up to {@code max} due jobs of {@code group} at {@code priority} ({@code andAbove}: at
   * any priority above it), in claim order. Bind the due condition with {@link #bindDue}.
   */
  abstract List<StoredJob> claimLevel(
      Connection c,
      String group,
      int priority,
      boolean andAbove,
      String identity,
      int max,
      long leaseDeadline,
      long now)
      throws SQLException;

  /** Binds {@link JobSql#dueCondition}'s parameters from {@code first}; returns the next index. */
  static int bindDue(PreparedStatement ps, int first, String group, int priority, long now, int max)
      throws SQLException {
    ps.setString(first, group);
    ps.setInt(first + 1, priority);
    ps.setLong(first + 2, now);
    ps.setInt(first + 3, max);
    return first + 4;
  }

  /** The lowest priority above {@code after} (null: the lowest) with executable rows, or null. */
  private Integer nextPriority(Connection c, String group, Integer after) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(after == null ? firstPriority : nextPriority)) {
      ps.setString(1, group);
      if (after != null) {
        ps.setInt(2, after);
      }
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        int priority = rs.getInt(1);
        return rs.wasNull() ? null : priority; // MIN over no row
      }
    }
  }
}
