package com.lts.core.store.jdbc;

import com.lts.core.store.InstanceResult;
import com.lts.core.store.JobIds;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobState;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoredJob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * Creates schedule instances. One transaction first advances the schedule row (which locks it, so
 * racing creators queue up) and then copies it into the instance row; the unique key on (group,
 * taskId, schedule_time) refuses a second instance for the same instant, and the advance refuses an
 * instant at or before the last one created.
 */
final class JdbcInstances {

  private final Jdbc jdbc;
  private final Clock clock;
  private final JobIds ids;

  JdbcInstances(Jdbc jdbc, Clock clock, JobIds ids) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ids = ids;
  }

  /**
   * @param outOfTurn true for an operator's "trigger now": the instant may lie before the
   *     schedule's last instance (it is still created at most once)
   */
  InstanceResult create(String scheduleJobId, long triggerTime, boolean outOfTurn) {
    StoreArguments.jobId(scheduleJobId);
    String instanceId = ids.next();
    try {
      return jdbc.transaction(
          "create an instance of schedule " + scheduleJobId,
          c -> {
            long now = clock.millis();
            if (!advance(c, scheduleJobId, triggerTime, now, outOfTurn)) {
              return notCreated(c, scheduleJobId, triggerTime);
            }
            try (PreparedStatement ps = c.prepareStatement(JobSql.INSERT_INSTANCE)) {
              ps.setString(1, instanceId);
              ps.setLong(2, triggerTime);
              ps.setString(3, scheduleJobId);
              ps.setLong(4, triggerTime);
              ps.setLong(5, now);
              ps.setLong(6, now);
              ps.setString(7, scheduleJobId);
              ps.executeUpdate();
            } catch (SQLException e) {
              if (jdbc.dialect().isDuplicateKey(e)) {
                throw new InstanceExists();
              }
              throw e;
            }
            return new InstanceResult(InstanceResult.Status.CREATED, instanceId);
          });
    } catch (InstanceExists e) {
      return jdbc.autoCommit(
          "find an instance of schedule " + scheduleJobId,
          c -> notCreated(c, scheduleJobId, triggerTime));
    }
  }

  private static boolean advance(
      Connection c, String scheduleId, long triggerTime, long now, boolean outOfTurn)
      throws SQLException {
    String sql =
        outOfTurn
            ? JobSql.ADVANCE_SCHEDULE
            : JobSql.ADVANCE_SCHEDULE + " AND (repeated_count = 0 OR trigger_time < ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, triggerTime);
      ps.setLong(2, now);
      ps.setString(3, scheduleId);
      if (!outOfTurn) {
        ps.setLong(4, triggerTime);
      }
      return ps.executeUpdate() == 1;
    }
  }

  private static InstanceResult notCreated(Connection c, String scheduleId, long triggerTime)
      throws SQLException {
    Optional<StoredJob> schedule = JdbcJobBrowser.findById(c, scheduleId);
    if (schedule.isEmpty()
        || schedule.get().kind() != JobKind.SCHEDULE
        || schedule.get().state() != JobState.SCHEDULED) {
      return new InstanceResult(InstanceResult.Status.NO_SCHEDULE, null);
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT job_id FROM "
                + JobSql.TABLE
                + " WHERE schedule_job_id = ? AND schedule_time = ?")) {
      ps.setString(1, scheduleId);
      ps.setLong(2, triggerTime);
      try (ResultSet rs = ps.executeQuery()) {
        return new InstanceResult(InstanceResult.Status.EXISTS, rs.next() ? rs.getString(1) : null);
      }
    }
  }

  /** The instance exists already: roll back the schedule's advance. */
  private static final class InstanceExists extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InstanceExists() {
      super(null, null, false, false);
    }
  }
}
