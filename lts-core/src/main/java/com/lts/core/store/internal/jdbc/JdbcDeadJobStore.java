package com.lts.core.store.internal.jdbc;

import com.lts.core.domain.Job;
import com.lts.core.internal.json.Json;
import com.lts.core.store.DeadJob;
import com.lts.core.store.DeadJobStore;
import com.lts.core.store.Page;
import com.lts.core.store.StoreArguments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link DeadJobStore} on {@code lts_dead_job}: one row per dead letter, the job as JSON. */
final class JdbcDeadJobStore implements DeadJobStore {

  private static final String COLUMNS =
      "job_id, task_tracker_node_group, task_id, job, schedule_job_id, attempt, retry_times,"
          + " action, msg, dead_time";

  private final Jdbc jdbc;

  JdbcDeadJobStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes dead letters in the caller's transaction (the one that removes their jobs). */
  static void insert(Connection c, List<DeadJob> dead, long now) throws SQLException {
    if (dead.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO lts_dead_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (DeadJob d : dead) {
        ps.setString(1, d.jobId());
        ps.setString(2, d.taskTrackerNodeGroup());
        ps.setString(3, d.taskId());
        ps.setString(4, Json.toJson(d.job()));
        ps.setString(5, d.scheduleJobId());
        ps.setLong(6, d.attempt());
        ps.setInt(7, d.retryTimes());
        ps.setString(8, d.action());
        ps.setString(9, d.msg());
        ps.setLong(10, now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public Page<DeadJob> browse(String group, String taskId, String cursor, int limit) {
    StoreArguments.optionalGroup("group", group);
    if (taskId != null) {
      StoreArguments.taskId(taskId);
    }
    if (cursor != null) {
      StoreArguments.jobId(cursor);
    }
    StoreArguments.limit("limit", limit);
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM lts_dead_job WHERE 1 = 1");
    List<String> args = new ArrayList<>();
    if (group != null) {
      sql.append(" AND task_tracker_node_group = ?");
      args.add(group);
    }
    if (taskId != null) {
      sql.append(" AND task_id = ?");
      args.add(taskId);
    }
    if (cursor != null) {
      sql.append(" AND job_id > ?");
      args.add(cursor);
    }
    sql.append(" ORDER BY job_id LIMIT ?");
    return jdbc.autoCommit(
        "browse dead jobs",
        c -> {
          List<DeadJob> rows = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (String arg : args) {
              ps.setString(i++, arg);
            }
            ps.setInt(i, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(row(rs));
              }
            }
          }
          return Page.ofFetched(rows, limit, DeadJob::jobId);
        });
  }

  @Override
  public Optional<DeadJob> find(String jobId) {
    StoreArguments.jobId(jobId);
    return one("SELECT " + COLUMNS + " FROM lts_dead_job WHERE job_id = ?", jobId);
  }

  @Override
  public Optional<DeadJob> latest(String taskTrackerNodeGroup, String taskId) {
    StoreArguments.group("taskTrackerNodeGroup", taskTrackerNodeGroup);
    StoreArguments.taskId(taskId);
    return one(
        "SELECT "
            + COLUMNS
            + " FROM lts_dead_job WHERE task_tracker_node_group = ? AND task_id = ?"
            + " ORDER BY dead_time DESC, job_id DESC LIMIT 1",
        taskTrackerNodeGroup,
        taskId);
  }

  private Optional<DeadJob> one(String sql, String... args) {
    return jdbc.autoCommit(
        "find a dead job",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
              ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(row(rs)) : Optional.<DeadJob>empty();
            }
          }
        });
  }

  @Override
  public boolean delete(String jobId) {
    StoreArguments.jobId(jobId);
    return jdbc.autoCommit(
        "delete dead job " + jobId,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM lts_dead_job WHERE job_id = ?")) {
            ps.setString(1, jobId);
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public Map<String, Long> countByGroup() {
    return jdbc.autoCommit(
        "count dead jobs",
        c -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT task_tracker_node_group, COUNT(*) FROM lts_dead_job"
                          + " GROUP BY task_tracker_node_group ORDER BY task_tracker_node_group");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              counts.put(rs.getString(1), rs.getLong(2));
            }
          }
          return counts;
        });
  }

  @Override
  public int pruneOlderThan(long time, int max) {
    StoreArguments.limit("max", max);
    return jdbc.autoCommit(
        "prune dead jobs",
        c -> {
          List<String> old = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT job_id FROM lts_dead_job WHERE dead_time < ?"
                      + " ORDER BY dead_time, job_id LIMIT ?")) {
            ps.setLong(1, time);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                old.add(rs.getString(1));
              }
            }
          }
          return Jdbc.deleteIn(c, "lts_dead_job", "job_id", old);
        });
  }

  private static DeadJob row(ResultSet rs) throws SQLException {
    return new DeadJob(
        rs.getString("job_id"),
        rs.getString("task_tracker_node_group"),
        rs.getString("task_id"),
        Json.fromJson(rs.getString("job"), Job.class),
        rs.getString("schedule_job_id"),
        rs.getLong("attempt"),
        rs.getInt("retry_times"),
        rs.getString("action"),
        rs.getString("msg"),
        rs.getLong("dead_time"));
  }
}
