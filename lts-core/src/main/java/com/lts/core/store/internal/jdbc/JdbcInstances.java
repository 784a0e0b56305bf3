package com.lts.core.store.internal.jdbc;

import com.lts.core.store.InstanceRequest;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates schedule instances, one or a batch at a time. One transaction first advances the schedule
 * row (which locks it, so racing creators queue up) and then copies it into the instance row; the
 * unique key on (group, taskId, schedule_time) refuses a second instance for the same instant, and
 * the advance refuses an instant at or before the last one created.
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

  /**
   * Many instances in one transaction: one batch of schedule advances, then one batch of instance
   * inserts. Schedules are locked in id order, so two feeders batching the same schedules queue up
   * instead of deadlocking. When any instant already has its instance (a racing feeder made it),
   * the transaction rolls back and each request is made on its own, as {@link #create} does.
   */
  List<InstanceResult> createAll(List<InstanceRequest> requests) {
    for (InstanceRequest request : requests) {
      StoreArguments.jobId(request.scheduleJobId());
    }
    if (requests.size() <= 1) {
      return requests.stream().map(r -> create(r.scheduleJobId(), r.triggerTime(), false)).toList();
    }
    List<InstanceRequest> ordered =
        requests.stream()
            .distinct()
            .sorted(
                Comparator.comparing(InstanceRequest::scheduleJobId)
                    .thenComparingLong(InstanceRequest::triggerTime))
            .toList();
    Map<InstanceRequest, InstanceResult> results;
    try {
      results =
          jdbc.transaction(
              "create " + ordered.size() + " schedule instances", c -> createInOne(c, ordered));
    } catch (InstanceExists e) {
      results = new HashMap<>();
      for (InstanceRequest r : ordered) {
        results.put(r, create(r.scheduleJobId(), r.triggerTime(), false));
      }
    }
    List<InstanceResult> inOrder = new ArrayList<>(requests.size());
    for (InstanceRequest request : requests) {
      inOrder.add(results.get(request));
    }
    return inOrder;
  }

  private Map<InstanceRequest, InstanceResult> createInOne(
      Connection c, List<InstanceRequest> ordered) throws SQLException {
    long now = clock.millis();
    int[] advanced;
    try (PreparedStatement ps =
        c.prepareStatement(
            JobSql.ADVANCE_SCHEDULE + " AND (repeated_count = 0 OR trigger_time < ?)")) {
      for (InstanceRequest r : ordered) {
        ps.setLong(1, r.triggerTime());
        ps.setLong(2, now);
        ps.setString(3, r.scheduleJobId());
        ps.setLong(4, r.triggerTime());
        ps.addBatch();
      }
      advanced = ps.executeBatch();
    }
    Map<InstanceRequest, InstanceResult> results = new HashMap<>();
    List<InstanceRequest> inserts = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(JobSql.INSERT_INSTANCE)) {
      for (int i = 0; i < ordered.size(); i++) {
        InstanceRequest r = ordered.get(i);
        if (advanced[i] == PreparedStatement.SUCCESS_NO_INFO) {
          throw new SQLException(
              "the driver did not report per-statement update counts; remove batch-rewriting"
                  + " options from jdbc.url");
        }
        if (advanced[i] != 1) {
          results.put(r, notCreated(c, r.scheduleJobId(), r.triggerTime()));
          continue;
        }
        String instanceId = ids.next();
        results.put(r, new InstanceResult(InstanceResult.Status.CREATED, instanceId));
        inserts.add(r);
        ps.setString(1, instanceId);
        ps.setLong(2, r.triggerTime());
        ps.setString(3, r.scheduleJobId());
        ps.setLong(4, r.triggerTime());
        ps.setLong(5, now);
        ps.setLong(6, now);
        ps.setString(7, r.scheduleJobId());
        ps.addBatch();
      }
      if (!inserts.isEmpty()) {
        ps.executeBatch();
      }
    } catch (SQLException e) {
      if (jdbc.dialect().isDuplicateKey(e)) {
        throw new InstanceExists();
      }
      throw e;
    }
    return results;
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
