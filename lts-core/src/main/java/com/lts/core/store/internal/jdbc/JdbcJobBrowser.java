package com.lts.core.store.internal.jdbc;

import com.lts.core.store.DueGroup;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Page;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads of {@code lts_job}: lookups, keyset pages of a queue, counts per group, due jobs per
 * instant and live instances per schedule.
 */
final class JdbcJobBrowser {

  private final Jdbc jdbc;

  JdbcJobBrowser(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The rows of {@code queue}; constant SQL, never built from input. */
  static String condition(JobQueue queue) {
    return switch (queue) {
      case EXECUTABLE -> "state = " + JobSql.EXECUTABLE;
      case EXECUTING -> "state = " + JobSql.EXECUTING;
      case SUSPENDED -> "state = " + JobSql.SUSPENDED;
      case CRON -> "state = " + JobSql.SCHEDULED + " AND job_type = 'CRON'";
      case REPEAT -> "state = " + JobSql.SCHEDULED + " AND job_type = 'REPEAT'";
    };
  }

  static Optional<StoredJob> findById(Connection c, String jobId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(JobSql.FIND_ID)) {
      ps.setString(1, jobId);
      return one(ps);
    }
  }

  Optional<StoredJob> findByKey(String group, String taskId) {
    StoreArguments.group("taskTrackerNodeGroup", group);
    StoreArguments.taskId(taskId);
    return jdbc.autoCommit(
        "find job " + group + "/" + taskId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(JobSql.FIND_KEY)) {
            ps.setString(1, group);
            ps.setString(2, taskId);
            return one(ps);
          }
        });
  }

  private static Optional<StoredJob> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? Optional.of(JobRows.read(rs)) : Optional.empty();
    }
  }

  Page<StoredJob> browse(QueueQuery query) {
    String group =
        StoreArguments.optionalGroup("taskTrackerNodeGroup", query.taskTrackerNodeGroup());
    String taskId = query.taskId() == null ? null : StoreArguments.taskId(query.taskId());
    String submitGroup = StoreArguments.optionalGroup("submitNodeGroup", query.submitNodeGroup());
    String cursor = query.cursor() == null ? null : StoreArguments.jobId(query.cursor());
    int limit = StoreArguments.limit("limit", query.limit());
    // The index that serves the filters, and its columns as the order: the leading ones are fixed
    // by equalities, so the order is job_id's, but written in full so that every database reads
    // the page straight off the index (H2 sorted every row of the queue for "ORDER BY job_id").
    String index;
    String order;
    if (taskId != null) {
      index = "idx_lts_job_task";
      order = "task_id, job_id";
    } else if (group != null) {
      index = "idx_lts_job_group_state";
      order = "task_tracker_node_group, state, job_id";
    } else {
      index = "idx_lts_job_state";
      order = "state, job_id";
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(JobSql.COLUMNS)
            .append(" FROM ")
            .append(jdbc.dialect().readThrough(JobSql.TABLE, index))
            .append(" WHERE ")
            .append(condition(query.queue()));
    List<Object> args = new ArrayList<>();
    if (group != null) {
      sql.append(" AND task_tracker_node_group = ?");
      args.add(group);
    }
    if (taskId != null) {
      sql.append(" AND task_id = ?");
      args.add(taskId);
    }
    if (submitGroup != null) {
      sql.append(" AND submit_node_group = ?");
      args.add(submitGroup);
    }
    if (query.fromTriggerTime() != null) {
      sql.append(" AND trigger_time >= ?");
      args.add(query.fromTriggerTime());
    }
    if (query.toTriggerTime() != null) {
      sql.append(" AND trigger_time < ?");
      args.add(query.toTriggerTime());
    }
    if (cursor != null) {
      sql.append(" AND job_id > ?");
      args.add(cursor);
    }
    sql.append(" ORDER BY ").append(order).append(" LIMIT ?");
    return jdbc.autoCommit(
        "browse the " + query.queue() + " queue",
        c -> {
          List<StoredJob> rows = new ArrayList<>(limit + 1);
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Object arg : args) {
              if (arg instanceof Long time) {
                ps.setLong(i++, time);
              } else {
                ps.setString(i++, (String) arg);
              }
            }
            ps.setInt(i, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(JobRows.read(rs));
              }
            }
          }
          return Page.ofFetched(rows, limit, StoredJob::jobId);
        });
  }

  Map<String, Long> countByGroup(JobQueue queue) {
    String sql =
        "SELECT task_tracker_node_group, COUNT(*) FROM "
            + JobSql.TABLE
            + " WHERE "
            + condition(queue)
            + " GROUP BY task_tracker_node_group ORDER BY task_tracker_node_group";
    return jdbc.autoCommit(
        "count the " + queue + " queue",
        c -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          try (PreparedStatement ps = c.prepareStatement(sql);
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(rs.getString(1), rs.getLong(2));
            }
          }
          return counts;
        });
  }

  List<DueGroup> dueBetween(long fromInclusive, long toExclusive, int max) {
    StoreArguments.timeRange(fromInclusive, toExclusive);
    StoreArguments.limit("max", max);
    if (fromInclusive == toExclusive) {
      return List.of();
    }
    return jdbc.autoCommit(
        "find the jobs due in [" + fromInclusive + ", " + toExclusive + ")",
        c -> {
          List<DueGroup> groups = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(JobSql.DUE_GROUPS)) {
            ps.setLong(1, fromInclusive);
            ps.setLong(2, toExclusive);
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                groups.add(new DueGroup(rs.getString(1), rs.getLong(2), rs.getInt(3)));
              }
            }
          }
          return groups;
        });
  }

  Map<String, StoredJob> findAll(Collection<String> jobIds) {
    List<String> ids = StoreArguments.jobIds("jobIds", jobIds);
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.autoCommit(
        "find " + ids.size() + " job(s)",
        c -> {
          Map<String, StoredJob> found = new HashMap<>();
          for (int from = 0; from < ids.size(); from += StoreArguments.IDS_PER_QUERY) {
            List<String> chunk =
                ids.subList(from, Math.min(ids.size(), from + StoreArguments.IDS_PER_QUERY));
            try (PreparedStatement ps = c.prepareStatement(JobSql.findIds(chunk.size()))) {
              int i = 1;
              for (String id : chunk) {
                ps.setString(i++, id);
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  StoredJob job = JobRows.read(rs);
                  found.put(job.jobId(), job);
                }
              }
            }
          }
          return found;
        });
  }

  Map<String, Long> attempts(Collection<String> jobIds) {
    List<String> ids = StoreArguments.jobIds("jobIds", jobIds);
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.autoCommit(
        "read the attempts of " + ids.size() + " job(s)",
        c -> {
          Map<String, Long> attempts = new HashMap<>();
          for (int from = 0; from < ids.size(); from += StoreArguments.IDS_PER_QUERY) {
            List<String> chunk =
                ids.subList(from, Math.min(ids.size(), from + StoreArguments.IDS_PER_QUERY));
            try (PreparedStatement ps = c.prepareStatement(JobSql.attempts(chunk.size()))) {
              int i = 1;
              for (String id : chunk) {
                ps.setString(i++, id);
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  attempts.put(rs.getString(1), rs.getLong(2));
                }
              }
            }
          }
          return attempts;
        });
  }

  Map<String, Integer> liveInstances(Collection<String> scheduleJobIds) {
    List<String> ids = StoreArguments.jobIds("scheduleJobIds", scheduleJobIds);
    if (ids.isEmpty()) {
      return Map.of();
    }
    return jdbc.autoCommit(
        "count the live instances of " + ids.size() + " schedule(s)",
        c -> {
          Map<String, Integer> counts = new HashMap<>();
          for (int from = 0; from < ids.size(); from += StoreArguments.IDS_PER_QUERY) {
            List<String> chunk =
                ids.subList(from, Math.min(ids.size(), from + StoreArguments.IDS_PER_QUERY));
            try (PreparedStatement ps = c.prepareStatement(JobSql.liveInstances(chunk.size()))) {
              int i = 1;
              for (String id : chunk) {
                ps.setString(i++, id);
              }
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  counts.put(rs.getString(1), rs.getInt(2));
                }
              }
            }
          }
          return counts;
        });
  }
}
