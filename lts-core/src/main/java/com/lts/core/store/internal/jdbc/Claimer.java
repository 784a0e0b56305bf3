package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * One way of claiming due jobs; each dialect picks the best its database supports. A claim walks
 * the group's priorities lowest first, each found with one index lookup, and claims the due rows of
 * each level with a range that ends at now (see {@link JobSql#dueCondition}), so jobs waiting for a
 * later time cost a claim nothing. Past {@value #MAX_LEVELS} levels the rest are claimed in one
 * read across all remaining priorities, so a group with very many distinct priorities still costs a
 * bounded number of statements.
 *
 * <p>A claim leaves the claim index's head full of entries of rows it just took (and completions of
 * rows they delete): PostgreSQL keeps them until vacuum, InnoDB until purge, and every claim that
 * reads the range from its start steps over all of them, so claims slow down as the drain goes on
 * (PostgreSQL, 50,000 jobs: the priority lookup from 0.09 to 1.1 ms per call). So a claimer built
 * {@code readOnFromCursor} keeps a cursor per group, the last (priority, trigger time, job id) it
 * claimed: the next claims read the level from just after it and stop there when they find enough.
 * A claim that finds fewer after the cursor, and the first claim more than {@value #CURSOR_MILLIS}
 * ms after the last full walk, walks from the start as above, so a row that became due behind the
 * cursor (released, or submitted with an earlier trigger time) or a more urgent priority waits at
 * most that long while the group stays busy. Only where the claim statement can be held to the
 * claim index (MySQL's FORCE INDEX; PostgreSQL with sorts disabled for the claim's transaction): H2
 * keeps no such entries.
 */
abstract class Claimer {

  static final int MAX_LEVELS = 16;

  /** How long claims may start after the cursor before a walk from the start of the index. */
  static final long CURSOR_MILLIS = 1_000;

  /** Where the last claims of a group ended, and when the last walk from the start was. */
  record Cursor(int priority, long triggerTime, String jobId, long walkedAt) {

    boolean freshAt(long now) {
      return now >= walkedAt && now - walkedAt < CURSOR_MILLIS;
    }

    /** This cursor moved to {@code last} (a row claimed after it, at its priority). */
    Cursor movedTo(StoredJob last) {
      return new Cursor(priority, last.triggerTime(), last.jobId(), walkedAt);
    }

    Cursor later(Cursor other) {
      int byTime = Long.compare(triggerTime, other.triggerTime);
      return byTime > 0 || (byTime == 0 && jobId.compareTo(other.jobId) >= 0) ? this : other;
    }
  }

  private final ConcurrentMap<String, Cursor> cursors = new ConcurrentHashMap<>();
  private final boolean readOnFromCursor;

  private final String firstPriority;
  private final String nextPriority;

  /** Claims whose priority lookups read the first entry of the claim index in its order. */
  Claimer() {
    this(JobSql.firstPriority(JobSql.TABLE), JobSql.nextPriority(JobSql.TABLE), false);
  }

  /**
   * @param firstPriority the lowest priority with executable rows; parameter: group
   * @param nextPriority the next one above a priority; parameters: group, priority
   * @param readOnFromCursor whether claims read on after where the group's last ones ended
   */
  Claimer(String firstPriority, String nextPriority, boolean readOnFromCursor) {
    this.firstPriority = firstPriority;
    this.nextPriority = nextPriority;
    this.readOnFromCursor = readOnFromCursor;
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
    if (!readOnFromCursor) {
      return walk(c, group, identity, max, leaseDeadline, now);
    }
    Cursor cursor = cursors.get(group);
    if (cursor != null && cursor.freshAt(now)) {
      List<StoredJob> claimed =
          claimLevel(c, group, cursor.priority(), false, cursor, identity, max, leaseDeadline, now);
      if (claimed.size() == max) {
        Cursor moved = cursor.movedTo(claimed.get(claimed.size() - 1));
        cursors.merge(
            group,
            moved,
            (old, mine) ->
                old.priority() == mine.priority() && old.walkedAt() == mine.walkedAt()
                    ? old.later(mine)
                    : old);
        return claimed;
      }
      List<StoredJob> all = new ArrayList<>(claimed);
      all.addAll(walk(c, group, identity, max - claimed.size(), leaseDeadline, now));
      remember(group, all, now);
      return all;
    }
    List<StoredJob> claimed = walk(c, group, identity, max, leaseDeadline, now);
    remember(group, claimed, now);
    return claimed;
  }

  private void remember(String group, List<StoredJob> claimed, long now) {
    if (claimed.isEmpty()) {
      cursors.remove(group);
      return;
    }
    StoredJob last = claimed.get(claimed.size() - 1);
    cursors.put(group, new Cursor(last.job().getPriority(), last.triggerTime(), last.jobId(), now));
  }

  /** Claims by walking the group's priorities from the start of the claim index. */
  private List<StoredJob> walk(
      Connection c, String group, String identity, int max, long leaseDeadline, long now)
      throws SQLException {
    List<StoredJob> claimed = new ArrayList<>(max);
    Integer priority = null;
    for (int level = 1; claimed.size() < max; level++) {
      if (level > MAX_LEVELS) {
        claimed.addAll(
            claimLevel(
                c,
                group,
                priority,
                true,
                null,
                identity,
                max - claimed.size(),
                leaseDeadline,
                now));
        break;
      }
      priority = nextPriority(c, group, priority);
      if (priority == null) {
        break;
      }
      claimed.addAll(
          claimLevel(
              c, group, priority, false, null, identity, max - claimed.size(), leaseDeadline, now));
    }
    return claimed;
  }

  /**
   * Claims up to {@code max} due jobs of {@code group} at {@code priority} ({@code andAbove}: at
   * any priority above it), in claim order; with {@code after} only those after that cursor (at its
   * priority). Build the statement with {@link JobSql#dueCondition} and bind it with {@link
   * #bindDue}.
   */
  abstract List<StoredJob> claimLevel(
      Connection c,
      String group,
      int priority,
      boolean andAbove,
      Cursor after,
      String identity,
      int max,
      long leaseDeadline,
      long now)
      throws SQLException;

  /** Binds {@link JobSql#dueCondition}'s parameters from {@code first}; returns the next index. */
  static int bindDue(
      PreparedStatement ps, int first, String group, int priority, long now, Cursor after, int max)
      throws SQLException {
    int i = first;
    ps.setString(i++, group);
    ps.setInt(i++, priority);
    ps.setLong(i++, now);
    if (after != null) {
      ps.setLong(i++, after.triggerTime());
      ps.setLong(i++, after.triggerTime());
      ps.setString(i++, after.jobId());
    }
    ps.setInt(i++, max);
    return i;
  }

  /** One statement per range of the claim index, built by {@code build}. */
  static Map<JobSql.Range, String> perRange(Function<JobSql.Range, String> build) {
    Map<JobSql.Range, String> statements = new EnumMap<>(JobSql.Range.class);
    for (JobSql.Range range : JobSql.Range.values()) {
      statements.put(range, build.apply(range));
    }
    return statements;
  }

  /** The range {@link #claimLevel}'s arguments ask for. */
  static JobSql.Range range(boolean andAbove, Cursor after) {
    if (andAbove) {
      return JobSql.Range.ABOVE;
    }
    return after == null ? JobSql.Range.LEVEL : JobSql.Range.LEVEL_AFTER;
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
