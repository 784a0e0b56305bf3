package com.lts.example.upgrade;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;
import com.lts.core.domain.Job;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the queue tables of an LTS 1.6/1.7 MySQL store and turns their rows into {@link Job}s of
 * this LTS, or into the reason a row is left behind. Columns that older 1.6 versions lacked
 * (real_task_id, max_retry_times, rely_on_prev_cycle, repeat_*) are read when present.
 */
final class LegacyJobReader {

  /** A table's rows: the jobs to submit and, per row left behind, why. */
  record TableRows(String table, List<Job> jobs, List<String> skipped) {}

  private final Connection db;
  private final long now;

  LegacyJobReader(Connection db, long now) {
    this.db = db;
    this.now = now;
  }

  /** Every queue table of the old store that exists, in the order they are best moved. */
  List<TableRows> readAll() throws SQLException {
    List<TableRows> tables = new ArrayList<>();
    Set<String> names = tableNames();
    for (String table : List.of("lts_cron_job_queue", "lts_repeat_job_queue")) {
      if (names.contains(table)) {
        tables.add(read(table, Kind.SCHEDULE));
      }
    }
    for (String table : names.stream().sorted().toList()) {
      if (table.startsWith("lts_wjq_")) {
        tables.add(read(table, Kind.WAITING));
      }
    }
    if (names.contains("lts_executing_job_queue")) {
      tables.add(read("lts_executing_job_queue", Kind.EXECUTING));
    }
    if (names.contains("lts_suspend_job_queue")) {
      tables.add(read("lts_suspend_job_queue", Kind.SUSPENDED));
    }
    return tables;
  }

  private enum Kind {
    SCHEDULE,
    WAITING,
    EXECUTING,
    SUSPENDED
  }

  private Set<String> tableNames() throws SQLException {
    Set<String> names = new HashSet<>();
    DatabaseMetaData meta = db.getMetaData();
    try (ResultSet rs = meta.getTables(db.getCatalog(), null, "lts_%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private TableRows read(String table, Kind kind) throws SQLException {
    List<Job> jobs = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
      Row row = new Row(rs);
      while (rs.next()) {
        String taskId = row.text("real_task_id", row.text("task_id", null));
        String type = row.jobType();
        if (kind == Kind.SUSPENDED) {
          skipped.add(taskId + " (suspended " + type + " job: submit it again if still wanted)");
        } else if (kind != Kind.SCHEDULE && (type.equals("CRON") || type.equals("REPEAT"))) {
          skipped.add(taskId + " (an instance of a " + type + " job: its schedule makes new ones)");
        } else {
          Job job = job(row, taskId);
          String why = fill(job, row, type, kind);
          if (why == null) {
            jobs.add(job);
          } else {
            skipped.add(taskId + " (" + why + ")");
          }
        }
      }
    }
    return new TableRows(table, jobs, skipped);
  }

  private static Job job(Row row, String taskId) throws SQLException {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(row.text("task_tracker_node_group", null));
    job.setSubmitNodeGroup(row.text("submit_node_group", null));
    job.setPriority(row.integer("priority", Job.DEFAULT_PRIORITY));
    job.setMaxRetryTimes(row.integer("max_retry_times", 0));
    job.setNeedFeedback(row.bool("need_feedback", false));
    String params = row.text("ext_params", null);
    if (params != null && !params.isBlank()) {
      JSONObject parsed = JSON.parseObject(params);
      for (Map.Entry<String, Object> e : parsed.entrySet()) {
        if (e.getValue() != null) {
          job.setParam(e.getKey(), String.valueOf(e.getValue()));
        }
      }
    }
    return job;
  }

  /** Sets the job's kind from the row; the reason to leave it behind, or null. */
  private String fill(Job job, Row row, String type, Kind kind) throws SQLException {
    switch (type) {
      case "CRON" -> {
        job.setCronExpression(row.text("cron_expression", null));
        job.setRelyOnPrevCycle(row.bool("rely_on_prev_cycle", true));
      }
      case "REPEAT" -> {
        long count = row.integer("repeat_count", 0);
        long done = row.integer("repeated_count", 0);
        long left = count < 0 ? -1 : count - done;
        if (left == 0) {
          return "a repeat job with no runs left";
        }
        job.setRepeatCount((int) left);
        job.setRepeatInterval(row.longValue("repeat_interval", 0L));
        job.setRelyOnPrevCycle(row.bool("rely_on_prev_cycle", true));
      }
      default -> {
        long triggerTime = row.longValue("trigger_time", 0L);
        if (kind == Kind.WAITING && triggerTime > now) {
          job.setTriggerTime(triggerTime);
        }
      }
    }
    return null;
  }

  /** The current row of a result set, by column name, tolerating absent columns. */
  private static final class Row {
    private final ResultSet rs;
    private final Set<String> columns = new HashSet<>();

    Row(ResultSet rs) throws SQLException {
      this.rs = rs;
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
      }
    }

    String text(String column, String otherwise) throws SQLException {
      String value = columns.contains(column) ? rs.getString(column) : null;
      return value == null ? otherwise : value;
    }

    int integer(String column, int otherwise) throws SQLException {
      return (int) longValue(column, (long) otherwise);
    }

    long longValue(String column, long otherwise) throws SQLException {
      if (!columns.contains(column)) {
        return otherwise;
      }
      long value = rs.getLong(column);
      return rs.wasNull() ? otherwise : value;
    }

    boolean bool(String column, boolean otherwise) throws SQLException {
      if (!columns.contains(column)) {
        return otherwise;
      }
      boolean value = rs.getBoolean(column);
      return rs.wasNull() ? otherwise : value;
    }

    /** REAL_TIME, TRIGGER_TIME, CRON or REPEAT; inferred from the fields where no job_type. */
    String jobType() throws SQLException {
      String type = text("job_type", null);
      if (type != null) {
        return type.toUpperCase(Locale.ROOT);
      }
      if (text("cron_expression", "").isBlank()) {
        return longValue("repeat_interval", 0L) > 0 && longValue("repeat_count", 0L) != 0
            ? "REPEAT"
            : "REAL_TIME";
      }
      return "CRON";
    }
  }
}
