package com.lts.core.store.internal.jdbc;

import com.lts.core.domain.BizLog;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogStore;
import com.lts.core.store.JobLogType;
import com.lts.core.store.Page;
import com.lts.core.store.StoreArguments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@link JobLogStore} on {@code lts_job_log}, appended with multi-row INSERTs. */
final class JdbcJobLogStore implements JobLogStore {

  private static final String COLUMNS =
      "log_time, job_id, task_tracker_node_group, task_id, attempt, log_type, level,"
          + " task_tracker_identity, msg";
  private static final int COLUMN_COUNT = 9;
  private static final int ROWS_PER_INSERT = 500;

  private final Jdbc jdbc;

  JdbcJobLogStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void append(List<JobLogEntry> entries) {
    StoreArguments.batch("append job log", entries);
    if (entries.isEmpty()) {
      return;
    }
    jdbc.transaction(
        "append " + entries.size() + " job log rows",
        c -> {
          insert(c, entries);
          return null;
        });
  }

  /** Inserts the rows on {@code c}, in its transaction: one multi-row INSERT per 500 rows. */
  static void insert(Connection c, List<JobLogEntry> entries) throws SQLException {
    for (int from = 0; from < entries.size(); from += ROWS_PER_INSERT) {
      List<JobLogEntry> chunk =
          entries.subList(from, Math.min(entries.size(), from + ROWS_PER_INSERT));
      String row = "(" + JobSql.placeholders(COLUMN_COUNT) + ")";
      String sql =
          "INSERT INTO lts_job_log ("
              + COLUMNS
              + ") VALUES "
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        for (JobLogEntry e : chunk) {
          ps.setLong(i++, e.logTime());
          ps.setString(i++, e.jobId());
          ps.setString(i++, e.taskTrackerNodeGroup());
          ps.setString(i++, e.taskId());
          ps.setLong(i++, e.attempt());
          ps.setString(i++, e.type().name());
          ps.setString(i++, e.level().name());
          ps.setString(i++, e.taskTrackerIdentity());
          ps.setString(i++, truncate(e.msg()));
        }
        ps.executeUpdate();
      }
    }
  }

  /** Log lines longer than the column are cut, not refused: a long line must not lose the rest. */
  static String truncate(String msg) {
    if (msg == null || msg.length() <= JobLogEntry.MAX_MSG_LENGTH) {
      return msg;
    }
    return msg.substring(0, JobLogEntry.MAX_MSG_LENGTH - 3) + "...";
  }

  @Override
  public Page<JobLogEntry> query(JobLogQuery q) {
    int limit = StoreArguments.limit("limit", q.limit());
    StringBuilder sql =
        new StringBuilder("SELECT id, " + COLUMNS + " FROM lts_job_log WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.jobId() != null) {
      sql.append(" AND job_id = ?");
      args.add(StoreArguments.jobId(q.jobId()));
    }
    if (q.taskTrackerNodeGroup() != null) {
      sql.append(" AND task_tracker_node_group = ?");
      args.add(StoreArguments.group("taskTrackerNodeGroup", q.taskTrackerNodeGroup()));
    }
    if (q.taskId() != null) {
      sql.append(" AND task_id = ?");
      args.add(StoreArguments.taskId(q.taskId()));
    }
    if (q.fromTime() != null) {
      sql.append(" AND log_time >= ?");
      args.add(q.fromTime());
    }
    if (q.toTime() != null) {
      sql.append(" AND log_time < ?");
      args.add(q.toTime());
    }
    if (args.isEmpty()) {
      throw new InvalidStoreArgumentException(
          "job log query: name a jobId, a taskId with its group, or a time range");
    }
    if (q.level() != null) {
      sql.append(" AND level = ?");
      args.add(q.level().name());
    }
    if (q.cursor() != null) {
      sql.append(" AND id > ?");
      args.add(cursor(q.cursor()));
    }
    sql.append(" ORDER BY id LIMIT ?");
    args.add(limit + 1);
    return jdbc.autoCommit(
        "query the job log",
        c -> {
          List<JobLogEntry> rows = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(
                    new JobLogEntry(
                        Long.toString(rs.getLong("id")),
                        rs.getLong("log_time"),
                        rs.getString("job_id"),
                        rs.getString("task_tracker_node_group"),
                        rs.getString("task_id"),
                        rs.getLong("attempt"),
                        JobLogType.valueOf(rs.getString("log_type")),
                        BizLog.Level.valueOf(rs.getString("level")),
                        rs.getString("task_tracker_identity"),
                        rs.getString("msg")));
              }
            }
          }
          if (rows.size() <= limit) {
            return new Page<>(rows, null);
          }
          List<JobLogEntry> page = rows.subList(0, limit);
          return new Page<>(page, page.get(limit - 1).id());
        });
  }

  @Override
  public long pruneOlderThan(long time, int maxRows) {
    int limit = StoreArguments.limit("maxRows", maxRows);
    return jdbc.autoCommit(
        "prune the job log",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  jdbc.dialect().deleteOldest("lts_job_log", "log_time < ?", "log_time"))) {
            ps.setLong(1, time);
            ps.setInt(2, limit);
            return (long) ps.executeUpdate();
          }
        });
  }

  private static long cursor(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidStoreArgumentException("job log cursor: not a number: '" + value + "'");
    }
  }
}
