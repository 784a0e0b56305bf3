package com.lts.core.store.internal.jdbc;

import com.lts.core.store.JobState;

/**
 * The SQL every dialect shares for the {@code lts_job} table. Statements are built once from
 * constants; no identifier ever comes from user input.
 */
final class JobSql {

  static final String TABLE = "lts_job";

  /** Every column, in the order {@link JobRows} binds and reads them. */
  static final String COLUMNS =
      "job_id, kind, state, job_type, task_id, task_tracker_node_group, schedule_time,"
          + " schedule_job_id, submit_node_group, priority, trigger_time, cron_expression,"
          + " repeat_count, repeat_interval, repeated_count, max_retry_times, retry_times,"
          + " need_feedback, rely_on_prev_cycle, params, attempt, version,"
          + " task_tracker_identity, lease_deadline, created, modified, misfire_policy";

  static final int COLUMN_COUNT = COLUMNS.split(",").length;

  /** schedule_time of rows that are not schedule instances (part of the unique key). */
  static final long NO_SCHEDULE_TIME = -1L;

  static final String EXECUTABLE = "'" + JobState.EXECUTABLE + "'";
  static final String EXECUTING = "'" + JobState.EXECUTING + "'";
  static final String SCHEDULED = "'" + JobState.SCHEDULED + "'";
  static final String SUSPENDED = "'" + JobState.SUSPENDED + "'";

  static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE;

  /** The index claims read: due rows of a group already in claim order. */
  static final String CLAIM_INDEX = "idx_lts_job_claim";

  /** Which part of a group's claim index a claim reads. */
  enum Range {
    /** The due rows of one priority. */
    LEVEL,
    /** The due rows of one priority after a cursor (trigger time, job id). */
    LEVEL_AFTER,
    /** The due rows of every priority above one. */
    ABOVE
  }

  /**
   * Due executable jobs of a group in {@code range}, in claim order; parameters: group, priority,
   * now, (with {@link Range#LEVEL_AFTER}: the cursor's trigger time twice and job id,) limit. With
   * the priority fixed, the claim index range ends at {@code now}: a claim reads only due rows,
   * however many future ones wait behind them. (A range on {@code trigger_time} across all
   * priorities would read every future row of the group whenever fewer than {@code limit} are due,
   * and on MySQL/MariaDB lock them.) After a cursor the range also starts at the cursor's trigger
   * time, so the entries of rows claimed before it are not read again.
   *
   * @param spellIndexOrder let the ORDER BY repeat the fixed columns so that it spells the claim
   *     index's order: H2 then reads the first {@code limit} rows from the index instead of reading
   *     and sorting every due row. MariaDB claims with it ran at a third of the speed, so only H2
   *     uses it.
   */
  static String dueCondition(Range range, boolean spellIndexOrder) {
    return " WHERE task_tracker_node_group = ? AND state = "
        + EXECUTABLE
        + " AND priority "
        + (range == Range.ABOVE ? ">" : "=")
        + " ? AND trigger_time <= ?"
        + (range == Range.LEVEL_AFTER
            ? " AND trigger_time >= ? AND (trigger_time > ? OR job_id > ?)"
            : "")
        + (spellIndexOrder
            ? " ORDER BY task_tracker_node_group, state, priority, trigger_time, job_id LIMIT ?"
            : " ORDER BY priority, trigger_time, job_id LIMIT ?");
  }

  /** {@link #dueCondition} on the job table. */
  static String due(Range range, boolean spellIndexOrder) {
    return " FROM " + TABLE + dueCondition(range, spellIndexOrder);
  }

  /**
   * The lowest priority with executable rows in a group (one index lookup); parameter: group.
   * {@code table} is the job table, with an index hint where the database needs one.
   */
  static String firstPriority(String table) {
    return "SELECT priority FROM "
        + table
        + " WHERE task_tracker_node_group = ? AND state = "
        + EXECUTABLE
        + " ORDER BY task_tracker_node_group, state, priority LIMIT 1";
  }

  /** The next priority with executable rows; parameters: group, priority. */
  static String nextPriority(String table) {
    return "SELECT priority FROM "
        + table
        + " WHERE task_tracker_node_group = ? AND state = "
        + EXECUTABLE
        + " AND priority > ? ORDER BY task_tracker_node_group, state, priority LIMIT 1";
  }

  /**
   * {@link #firstPriority} ({@code above}: {@link #nextPriority}) as an aggregate, for databases
   * that answer {@code MIN} over an index prefix with one lookup but do not stop an {@code ORDER BY
   * ... LIMIT 1} read at its first row (MariaDB); NULL when there is none.
   */
  static String minPriority(boolean above) {
    return "SELECT MIN(priority) FROM "
        + TABLE
        + " WHERE task_tracker_node_group = ? AND state = "
        + EXECUTABLE
        + (above ? " AND priority > ?" : "");
  }

  /** What a claim sets; parameters: identity, lease deadline, now. */
  static final String CLAIM_SET =
      "UPDATE "
          + TABLE
          + " SET state = "
          + EXECUTING
          + ", attempt = attempt + 1, version = version + 1, task_tracker_identity = ?,"
          + " lease_deadline = ?, modified = ?";

  /** Parameters: the ended deadline, now, identity, now. */
  static final String END_LEASES_OF =
      "UPDATE "
          + TABLE
          + " SET lease_deadline = ?, version = version + 1, modified = ? WHERE state = "
          + EXECUTING
          + " AND task_tracker_identity = ? AND lease_deadline >= ?";

  /**
   * Which row a finished attempt's result may end; parameters: job id, attempt, attempt + 1. Its
   * own running row, or the row its lease expiry put back to executable (attempt bumped, lease
   * deadline kept as the mark) as long as no claim has dispatched it again.
   */
  static final String FINISHED_ATTEMPT =
      "job_id = ? AND ((attempt = ? AND state = "
          + EXECUTING
          + ") OR (attempt = ? AND state = "
          + EXECUTABLE
          + " AND lease_deadline IS NOT NULL))";

  /** Parameters: trigger time, now, then {@link #FINISHED_ATTEMPT}'s. */
  static final String RETRY_LATER =
      "UPDATE "
          + TABLE
          + " SET state = "
          + EXECUTABLE
          + ", trigger_time = ?, retry_times = retry_times + 1, task_tracker_identity = NULL,"
          + " lease_deadline = NULL, version = version + 1, modified = ?"
          + " WHERE "
          + FINISHED_ATTEMPT;

  /** Parameters: now, job id, attempt. */
  static final String RELEASE =
      "UPDATE "
          + TABLE
          + " SET state = "
          + EXECUTABLE
          + ", task_tracker_identity = NULL, lease_deadline = NULL, version = version + 1,"
          + " modified = ? WHERE job_id = ? AND attempt = ? AND state = "
          + EXECUTING;

  /** Parameters: lease deadline, now, job id, attempt. */
  static final String RENEW =
      "UPDATE "
          + TABLE
          + " SET lease_deadline = ?, modified = ? WHERE job_id = ? AND attempt = ? AND state = "
          + EXECUTING;

  /** Parameters: now, limit. */
  static final String EXPIRED =
      "SELECT job_id, task_tracker_node_group, task_id, task_tracker_identity, attempt FROM "
          + TABLE
          + " WHERE state = "
          + EXECUTING
          + " AND lease_deadline < ? ORDER BY lease_deadline LIMIT ?";

  /**
   * Parameters: now, job id, attempt, now. The lease deadline stays, marking the row as "expired,
   * not dispatched again" for {@link #FINISHED_ATTEMPT}.
   */
  static final String EXPIRE =
      "UPDATE "
          + TABLE
          + " SET state = "
          + EXECUTABLE
          + ", attempt = attempt + 1, version = version + 1, task_tracker_identity = NULL,"
          + " modified = ? WHERE job_id = ? AND attempt = ? AND state = "
          + EXECUTING
          + " AND lease_deadline < ?";

  /** Parameters: now, job id. */
  static final String SUSPEND =
      "UPDATE "
          + TABLE
          + " SET state = "
          + SUSPENDED
          + ", version = version + 1, modified = ? WHERE job_id = ? AND state IN ("
          + EXECUTABLE
          + ", "
          + SCHEDULED
          + ")";

  /**
   * Removes the waiting instances of a schedule that {@link #SUSPEND} just suspended (in its
   * transaction); running ones finish normally. Parameter: schedule id.
   */
  static final String DROP_WAITING_INSTANCES =
      "DELETE FROM " + TABLE + " WHERE schedule_job_id = ? AND state = " + EXECUTABLE;

  /** How many waiting instances a schedule has and the earliest one's instant; parameter: id. */
  static final String WAITING_INSTANCES =
      "SELECT COUNT(*), MIN(schedule_time) FROM "
          + TABLE
          + " WHERE schedule_job_id = ? AND state = "
          + EXECUTABLE;

  /**
   * After an edit removed a schedule's waiting instances: parameters: repeated count, trigger time,
   * schedule id.
   */
  static final String REWIND_SCHEDULE =
      "UPDATE " + TABLE + " SET repeated_count = ?, trigger_time = ? WHERE job_id = ?";

  /** Parameters: now, job id. */
  static final String RESUME =
      "UPDATE "
          + TABLE
          + " SET state = CASE WHEN kind = 'SCHEDULE' THEN "
          + SCHEDULED
          + " ELSE "
          + EXECUTABLE
          + " END, version = version + 1, modified = ? WHERE job_id = ? AND state = "
          + SUSPENDED;

  /** Parameters: now, now, job id. */
  static final String TRIGGER_NOW =
      "UPDATE "
          + TABLE
          + " SET trigger_time = ?, version = version + 1, modified = ? WHERE job_id = ? AND state = "
          + EXECUTABLE;

  static final String CANCEL =
      "DELETE FROM " + TABLE + " WHERE job_id = ? AND state <> " + EXECUTING;

  static final String CANCEL_INSTANCES =
      "DELETE FROM " + TABLE + " WHERE schedule_job_id = ? AND state <> " + EXECUTING;

  /**
   * Executable rows per (trigger time, group) in a window, earliest first (reads {@code
   * idx_lts_job_due}); parameters: from (inclusive), to (exclusive), limit.
   */
  static final String DUE_GROUPS =
      "SELECT task_tracker_node_group, trigger_time, COUNT(*) FROM "
          + TABLE
          + " WHERE state = "
          + EXECUTABLE
          + " AND trigger_time >= ? AND trigger_time < ?"
          + " GROUP BY trigger_time, task_tracker_node_group"
          + " ORDER BY trigger_time, task_tracker_node_group LIMIT ?";

  static final String FIND_KEY =
      SELECT + " WHERE task_tracker_node_group = ? AND task_id = ? AND schedule_time = -1";

  static final String FIND_ID = SELECT + " WHERE job_id = ?";

  /**
   * Locks an active schedule, moves its trigger time to the new instance and counts it; parameters:
   * trigger time, now, schedule id.
   */
  static final String ADVANCE_SCHEDULE =
      "UPDATE "
          + TABLE
          + " SET trigger_time = GREATEST(trigger_time, ?), repeated_count = repeated_count + 1,"
          + " version = version + 1, modified = ? WHERE job_id = ? AND kind = 'SCHEDULE' AND state"
          + " = "
          + SCHEDULED;

  /**
   * Copies the (already advanced) schedule into a new instance row; parameters: new job id, trigger
   * time (schedule_time), schedule id, trigger time, now, now, schedule id.
   */
  static final String INSERT_INSTANCE =
      "INSERT INTO "
          + TABLE
          + " ("
          + COLUMNS
          + ") SELECT ?, 'INSTANCE', "
          + EXECUTABLE
          + ", job_type, task_id, task_tracker_node_group, ?, ?, submit_node_group, priority, ?,"
          + " cron_expression, repeat_count, repeat_interval, repeated_count - 1, max_retry_times,"
          + " 0, need_feedback, rely_on_prev_cycle, params, 0, 0, NULL, NULL, ?, ?, misfire_policy"
          + " FROM "
          + TABLE
          + " WHERE job_id = ?";

  /** Everything a submit or an edit can set; then group, taskId (the key). */
  /** Waiting instances of the schedule with this key; parameters: group, task id. */
  static final String DELETE_WAITING_INSTANCES_OF_KEY =
      "DELETE FROM "
          + TABLE
          + " WHERE task_tracker_node_group = ? AND task_id = ? AND schedule_time <> "
          + NO_SCHEDULE_TIME
          + " AND state = "
          + EXECUTABLE;

  static final String REPLACE =
      "UPDATE "
          + TABLE
          + " SET kind = ?, state = ?, job_type = ?, submit_node_group = ?, priority = ?,"
          + " trigger_time = ?, cron_expression = ?, repeat_count = ?, repeat_interval = ?,"
          + " repeated_count = 0, max_retry_times = ?, retry_times = 0, need_feedback = ?,"
          + " rely_on_prev_cycle = ?, params = ?, misfire_policy = ?, attempt = attempt + 1,"
          + " version = version + 1,"
          + " task_tracker_identity = NULL, lease_deadline = NULL, modified = ?"
          + " WHERE task_tracker_node_group = ? AND task_id = ? AND schedule_time = -1 AND state <> "
          + EXECUTING;

  /**
   * An operator's edit: the job type, the job's fields, then job id, expected version. Keeps state,
   * counters and attempt.
   */
  static final String EDIT =
      "UPDATE "
          + TABLE
          + " SET job_type = ?, submit_node_group = ?, priority = ?, trigger_time = ?,"
          + " cron_expression = ?,"
          + " repeat_count = ?, repeat_interval = ?, max_retry_times = ?, need_feedback = ?,"
          + " rely_on_prev_cycle = ?, params = ?, misfire_policy = ?, version = version + 1,"
          + " modified = ?"
          + " WHERE job_id = ? AND version = ? AND state <> "
          + EXECUTING;

  private JobSql() {}

  /** {@code INSERT INTO lts_job (...) VALUES (...), (...)} for {@code rows} rows. */
  static String insert(int rows) {
    StringBuilder sb = new StringBuilder("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES ");
    String row = "(" + "?, ".repeat(COLUMN_COUNT - 1) + "?)";
    for (int i = 0; i < rows; i++) {
      sb.append(i == 0 ? "" : ", ").append(row);
    }
    return sb.toString();
  }

  /**
   * Waiting or running instances per schedule, for {@code n} schedule ids (reads {@code
   * idx_lts_job_schedule}).
   */
  static String findIds(int n) {
    return SELECT + " WHERE job_id IN (" + placeholders(n) + ")";
  }

  static String attempts(int n) {
    return "SELECT job_id, attempt FROM " + TABLE + " WHERE job_id IN (" + placeholders(n) + ")";
  }

  static String liveInstances(int n) {
    return "SELECT schedule_job_id, COUNT(*) FROM "
        + TABLE
        + " WHERE schedule_job_id IN ("
        + placeholders(n)
        + ") AND state IN ("
        + EXECUTABLE
        + ", "
        + EXECUTING
        + ") GROUP BY schedule_job_id";
  }

  /** {@code ?, ?, ?} */
  /**
   * Locks the rows of {@code n} job ids in job id order and reads what decides whether a run may
   * finish them ({@link #FINISHED_ATTEMPT}): job id, attempt, state, lease deadline.
   */
  static String lockForFinish(int n) {
    return "SELECT job_id, attempt, state, lease_deadline FROM "
        + TABLE
        + " WHERE job_id IN ("
        + placeholders(n)
        + ") ORDER BY job_id FOR UPDATE";
  }

  /** Deletes the rows of {@code n} job ids. */
  static String deleteByIds(int n) {
    return "DELETE FROM " + TABLE + " WHERE job_id IN (" + placeholders(n) + ")";
  }

  static String placeholders(int n) {
    return "?, ".repeat(n - 1) + "?";
  }
}
