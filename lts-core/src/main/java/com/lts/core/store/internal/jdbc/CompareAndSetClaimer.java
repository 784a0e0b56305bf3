package com.lts.core.store.internal.jdbc;

import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * For databases without a usable SKIP LOCKED (H2): read the due rows without locks, then claim them
 * with one batch of updates, each matching only its row's version as read, in one transaction. A
 * row another claimer took in between does not match and is skipped; claimers racing for the same
 * rows read again, a bounded number of times.
 *
 * <p>Claims of the same group from this store are taken one at a time: without that, every
 * TaskTracker's claim would read the same first rows and all but one would lose every race. The
 * version check still keeps claimers in other processes (an H2 server shared by several
 * JobTrackers) from taking a row twice.
 */
final class CompareAndSetClaimer extends Claimer {

  private static final int MAX_ROUNDS = 8;
  private static final Map<JobSql.Range, String> SELECTS =
      perRange(range -> "SELECT " + JobSql.COLUMNS + JobSql.due(range, true));
  private static final String CAS =
      JobSql.CLAIM_SET + " WHERE job_id = ? AND version = ? AND state = " + JobSql.EXECUTABLE;

  private final ConcurrentMap<String, ReentrantLock> groupLocks = new ConcurrentHashMap<>();

  CompareAndSetClaimer() {
    super();
  }

  @Override
  List<StoredJob> claim(
      Connection c, String group, String identity, int max, long leaseDeadline, long now)
      throws SQLException {
    ReentrantLock lock = groupLocks.computeIfAbsent(group, g -> new ReentrantLock());
    lock.lock();
    try {
      return Jdbc.inTransaction(c, tx -> super.claim(tx, group, identity, max, leaseDeadline, now));
    } finally {
      lock.unlock();
    }
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
    try (PreparedStatement select = c.prepareStatement(SELECTS.get(range(andAbove, after)));
        PreparedStatement cas = c.prepareStatement(CAS)) {
      for (int round = 0; round < MAX_ROUNDS && claimed.size() < max; round++) {
        List<StoredJob> due = due(select, group, priority, now, after, max - claimed.size());
        if (due.isEmpty()) {
          break;
        }
        for (StoredJob row : due) {
          cas.setString(1, identity);
          cas.setLong(2, leaseDeadline);
          cas.setLong(3, now);
          cas.setString(4, row.jobId());
          cas.setLong(5, row.version());
          cas.addBatch();
        }
        int[] counts = cas.executeBatch();
        for (int i = 0; i < counts.length; i++) {
          if (counts[i] == 1) {
            claimed.add(JobRows.claimed(due.get(i), identity, leaseDeadline, now));
          }
        }
      }
    }
    return claimed;
  }

  private static List<StoredJob> due(
      PreparedStatement select, String group, int priority, long now, Cursor after, int limit)
      throws SQLException {
    bindDue(select, 1, group, priority, now, after, limit);
    List<StoredJob> due = new ArrayList<>(limit);
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        due.add(JobRows.read(rs));
      }
    }
    return due;
  }
}
