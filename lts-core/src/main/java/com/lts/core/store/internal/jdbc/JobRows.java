package com.lts.core.store.internal.jdbc;

import com.alibaba.fastjson2.TypeReference;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobType;
import com.lts.core.domain.MisfirePolicy;
import com.lts.core.internal.json.Json;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobState;
import com.lts.core.store.StoredJob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/** Converts between {@code lts_job} rows (columns as in {@link JobSql#COLUMNS}) and jobs. */
final class JobRows {

  private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

  private JobRows() {}

  /** The kind a newly submitted job is stored as. */
  static JobKind kindOf(Job job) {
    JobType type = job.getJobType();
    return type == JobType.CRON || type == JobType.REPEAT ? JobKind.SCHEDULE : JobKind.JOB;
  }

  static JobState initialState(JobKind kind) {
    return kind == JobKind.SCHEDULE ? JobState.SCHEDULED : JobState.EXECUTABLE;
  }

  /** When a newly submitted job is due (a schedule: where its instances start). */
  static long initialTriggerTime(Job job, long now) {
    return job.getTriggerTime() != null ? job.getTriggerTime() : now;
  }

  static String params(Job job) {
    Map<String, String> params = job.getExtParams();
    return params.isEmpty() ? null : Json.toJson(params);
  }

  /**
   * Binds a whole new row starting at parameter {@code i}, waiting or, with {@code claimed}, as
   * that claim; returns the next index.
   */
  static int bindNew(
      PreparedStatement ps, int i, String jobId, Job job, long now, StoredJob claimed)
      throws SQLException {
    JobKind kind = kindOf(job);
    ps.setString(i++, jobId);
    ps.setString(i++, kind.name());
    ps.setString(i++, claimed != null ? claimed.state().name() : initialState(kind).name());
    ps.setString(i++, job.getJobType().name());
    ps.setString(i++, job.getTaskId());
    ps.setString(i++, job.getTaskTrackerNodeGroup());
    ps.setLong(i++, JobSql.NO_SCHEDULE_TIME);
    ps.setNull(i++, Types.VARCHAR);
    ps.setString(i++, job.getSubmitNodeGroup());
    ps.setInt(i++, job.getPriority());
    ps.setLong(i++, initialTriggerTime(job, now));
    ps.setString(i++, job.isCron() ? job.getCronExpression() : null);
    ps.setInt(i++, job.getRepeatCount());
    setLongOrNull(ps, i++, job.getRepeatInterval());
    ps.setInt(i++, 0);
    ps.setInt(i++, job.getMaxRetryTimes());
    ps.setInt(i++, 0);
    ps.setBoolean(i++, job.isNeedFeedback());
    ps.setBoolean(i++, job.isRelyOnPrevCycle());
    ps.setString(i++, params(job));
    if (claimed == null) {
      ps.setLong(i++, 0);
      ps.setLong(i++, 0);
      ps.setNull(i++, Types.VARCHAR);
      ps.setNull(i++, Types.BIGINT);
    } else {
      ps.setLong(i++, claimed.attempt());
      ps.setLong(i++, claimed.version());
      ps.setString(i++, claimed.taskTrackerIdentity());
      ps.setLong(i++, claimed.leaseDeadline());
    }
    ps.setLong(i++, now);
    ps.setLong(i++, now);
    ps.setString(i++, job.getMisfirePolicy().name());
    return i;
  }

  /** Binds {@link JobSql#REPLACE}. */
  static void bindReplace(PreparedStatement ps, Job job, long now) throws SQLException {
    JobKind kind = kindOf(job);
    int i = 1;
    ps.setString(i++, kind.name());
    ps.setString(i++, initialState(kind).name());
    ps.setString(i++, job.getJobType().name());
    i = bindEditable(ps, i, job, initialTriggerTime(job, now));
    ps.setLong(i++, now);
    ps.setString(i++, job.getTaskTrackerNodeGroup());
    ps.setString(i, job.getTaskId());
  }

  /**
   * Binds the fields shared by {@link JobSql#REPLACE} and {@link JobSql#EDIT}, from submit node
   * group to misfire policy; returns the next index.
   */
  static int bindEditable(PreparedStatement ps, int i, Job job, long triggerTime)
      throws SQLException {
    ps.setString(i++, job.getSubmitNodeGroup());
    ps.setInt(i++, job.getPriority());
    ps.setLong(i++, triggerTime);
    ps.setString(i++, job.isCron() ? job.getCronExpression() : null);
    ps.setInt(i++, job.getRepeatCount());
    setLongOrNull(ps, i++, job.getRepeatInterval());
    ps.setInt(i++, job.getMaxRetryTimes());
    ps.setBoolean(i++, job.isNeedFeedback());
    ps.setBoolean(i++, job.isRelyOnPrevCycle());
    ps.setString(i++, params(job));
    ps.setString(i++, job.getMisfirePolicy().name());
    return i;
  }

  static StoredJob read(ResultSet rs) throws SQLException {
    Job job = new Job();
    job.setTaskId(rs.getString("task_id"));
    job.setTaskTrackerNodeGroup(rs.getString("task_tracker_node_group"));
    job.setSubmitNodeGroup(rs.getString("submit_node_group"));
    job.setPriority(rs.getInt("priority"));
    long triggerTime = rs.getLong("trigger_time");
    if (JobType.valueOf(rs.getString("job_type")) != JobType.REAL_TIME) {
      // A real-time job has no trigger time of its own; the row's is its submit time.
      job.setTriggerTime(triggerTime);
    }
    job.setCronExpression(rs.getString("cron_expression"));
    job.setRepeatCount(rs.getInt("repeat_count"));
    job.setRepeatInterval(longOrNull(rs, "repeat_interval"));
    job.setMaxRetryTimes(rs.getInt("max_retry_times"));
    job.setNeedFeedback(rs.getBoolean("need_feedback"));
    job.setRelyOnPrevCycle(rs.getBoolean("rely_on_prev_cycle"));
    job.setMisfirePolicy(MisfirePolicy.valueOf(rs.getString("misfire_policy")));
    String params = rs.getString("params");
    if (params != null) {
      job.setExtParams(Json.fromJson(params, PARAMS));
    }
    long scheduleTime = rs.getLong("schedule_time");
    return new StoredJob(
        rs.getString("job_id"),
        JobKind.valueOf(rs.getString("kind")),
        JobState.valueOf(rs.getString("state")),
        job,
        rs.getLong("attempt"),
        rs.getInt("retry_times"),
        rs.getInt("repeated_count"),
        triggerTime,
        rs.getString("task_tracker_identity"),
        longOrNull(rs, "lease_deadline"),
        rs.getString("schedule_job_id"),
        scheduleTime == JobSql.NO_SCHEDULE_TIME ? null : scheduleTime,
        rs.getLong("version"),
        rs.getLong("created"),
        rs.getLong("modified"));
  }

  /**
   * A new one-time job as a claim at its submit leaves it: executing under attempt 1, as if stored
   * waiting (attempt 0, version 0) and claimed at once.
   */
  static StoredJob claimedAtSubmit(
      String jobId, Job submitted, String identity, long leaseDeadline, long now) {
    Job job = new Job(submitted);
    job.setSubmitId(null); // a claimed row read back carries none either
    return new StoredJob(
        jobId,
        JobKind.JOB,
        JobState.EXECUTING,
        job,
        1,
        0,
        0,
        initialTriggerTime(submitted, now),
        identity,
        leaseDeadline,
        null,
        null,
        1,
        now,
        now);
  }

  /** {@code row} as a claim left it: executing under the next attempt. */
  static StoredJob claimed(StoredJob row, String identity, long leaseDeadline, long now) {
    return new StoredJob(
        row.jobId(),
        row.kind(),
        JobState.EXECUTING,
        row.job(),
        row.attempt() + 1,
        row.retryTimes(),
        row.repeatedCount(),
        row.triggerTime(),
        identity,
        leaseDeadline,
        row.scheduleJobId(),
        row.scheduleTime(),
        row.version() + 1,
        row.createdTime(),
        now);
  }

  private static Long longOrNull(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static void setLongOrNull(PreparedStatement ps, int i, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, value);
    }
  }
}
