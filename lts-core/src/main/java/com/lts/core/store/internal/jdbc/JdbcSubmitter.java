package com.lts.core.store.internal.jdbc;

import com.lts.core.domain.Job;
import com.lts.core.store.JobIds;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoreException;
import com.lts.core.store.SubmitResult;
import com.lts.core.store.SubmitStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores submitted jobs in one transaction: finds which keys exist, inserts the new jobs with
 * multi-row INSERTs and replaces (or reports) the rest. When a concurrent submit inserts the same
 * key in between, the unique key refuses it, the transaction rolls back and the batch is tried
 * again (then it sees that job).
 */
final class JdbcSubmitter {

  private static final int ROWS_PER_INSERT = 400;
  private static final int KEYS_PER_SELECT = 500;
  private static final int MAX_ROUNDS = 5;

  private final Jdbc jdbc;
  private final Clock clock;
  private final JobIds ids;

  JdbcSubmitter(Jdbc jdbc, Clock clock, JobIds ids) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ids = ids;
  }

  List<SubmitResult> submit(List<Job> jobs) {
    StoreArguments.jobs(jobs);
    if (jobs.isEmpty()) {
      return List.of();
    }
    // Most batches hold only new keys: insert them all without looking first.
    if (distinctKeys(jobs)) {
      try {
        return jdbc.transaction("submit " + jobs.size() + " job(s)", c -> insertAll(c, jobs));
      } catch (KeyCollision e) {
        // some exist already: fall through to the careful path
      }
    }
    for (int round = 1; ; round++) {
      try {
        return jdbc.transaction("submit " + jobs.size() + " job(s)", c -> submitOnce(c, jobs));
      } catch (KeyCollision e) {
        if (round == MAX_ROUNDS) {
          throw new StoreException(
              "Submitting "
                  + jobs.size()
                  + " job(s) collided with concurrent submits of the same taskIds "
                  + MAX_ROUNDS
                  + " times in a row; nothing was stored, submit again",
              e.getCause());
        }
      }
    }
  }

  private static boolean distinctKeys(List<Job> jobs) {
    return jobs.stream().map(Key::of).distinct().count() == jobs.size();
  }

  private List<SubmitResult> insertAll(Connection c, List<Job> jobs) throws SQLException {
    List<String> jobIds = new ArrayList<>(jobs.size());
    List<SubmitResult> results = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      String jobId = ids.next();
      jobIds.add(jobId);
      results.add(
          new SubmitResult(
              job.getTaskTrackerNodeGroup(), job.getTaskId(), jobId, SubmitStatus.ADDED));
    }
    insertOrCollide(c, jobs, jobIds, clock.millis());
    return results;
  }

  private void insertOrCollide(Connection c, List<Job> jobs, List<String> jobIds, long now)
      throws SQLException {
    try {
      insert(c, jobs, jobIds, now);
    } catch (SQLException e) {
      if (jdbc.dialect().isDuplicateKey(e)) {
        throw new KeyCollision(e);
      }
      throw e;
    }
  }

  private List<SubmitResult> submitOnce(Connection c, List<Job> jobs) throws SQLException {
    long now = clock.millis();
    Map<Key, String> known = existing(c, jobs);
    List<SubmitResult> results = new ArrayList<>(jobs.size());
    List<Job> inserts = new ArrayList<>();
    List<String> insertIds = new ArrayList<>();
    List<Job> replaces = new ArrayList<>();
    for (Job job : jobs) {
      Key key = Key.of(job);
      String jobId = known.get(key);
      SubmitStatus status;
      if (jobId == null) {
        jobId = ids.next();
        known.put(key, jobId);
        inserts.add(job);
        insertIds.add(jobId);
        status = SubmitStatus.ADDED;
      } else if (job.isReplaceOnExist()) {
        replaces.add(job);
        status = SubmitStatus.REPLACED;
      } else {
        status = SubmitStatus.DUPLICATE;
      }
      results.add(new SubmitResult(key.group, key.taskId, jobId, status));
    }
    insertOrCollide(c, inserts, insertIds, now);
    replace(c, replaces, now);
    return results;
  }

  private static Map<Key, String> existing(Connection c, List<Job> jobs) throws SQLException {
    Map<String, List<String>> taskIdsByGroup = new LinkedHashMap<>();
    for (Job job : jobs) {
      taskIdsByGroup
          .computeIfAbsent(job.getTaskTrackerNodeGroup(), g -> new ArrayList<>())
          .add(job.getTaskId());
    }
    Map<Key, String> existing = new HashMap<>();
    for (Map.Entry<String, List<String>> e : taskIdsByGroup.entrySet()) {
      List<String> taskIds = e.getValue();
      for (int from = 0; from < taskIds.size(); from += KEYS_PER_SELECT) {
        List<String> chunk =
            taskIds.subList(from, Math.min(taskIds.size(), from + KEYS_PER_SELECT));
        String sql =
            "SELECT job_id, task_id FROM "
                + JobSql.TABLE
                + " WHERE task_tracker_node_group = ? AND schedule_time = -1 AND task_id IN ("
                + JobSql.placeholders(chunk.size())
                + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          int i = 1;
          ps.setString(i++, e.getKey());
          for (String taskId : chunk) {
            ps.setString(i++, taskId);
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              existing.put(new Key(e.getKey(), rs.getString(2)), rs.getString(1));
            }
          }
        }
      }
    }
    return existing;
  }

  private static void insert(Connection c, List<Job> jobs, List<String> jobIds, long now)
      throws SQLException {
    for (int from = 0; from < jobs.size(); from += ROWS_PER_INSERT) {
      int to = Math.min(jobs.size(), from + ROWS_PER_INSERT);
      try (PreparedStatement ps = c.prepareStatement(JobSql.insert(to - from))) {
        int i = 1;
        for (int j = from; j < to; j++) {
          i = JobRows.bindNew(ps, i, jobIds.get(j), jobs.get(j), now);
        }
        ps.executeUpdate();
      }
    }
  }

  private static void replace(Connection c, List<Job> jobs, long now) throws SQLException {
    if (jobs.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(JobSql.REPLACE)) {
      for (Job job : jobs) {
        JobRows.bindReplace(ps, job, now);
        ps.addBatch();
      }
      int[] counts = ps.executeBatch();
      for (int count : counts) {
        if (count == 0) {
          // The job finished and was deleted since we looked: start over, it will be inserted.
          throw new KeyCollision(new SQLException("replaced job vanished"));
        }
      }
    }
    // In the same transaction: instances made for the old definition must not run for the new one.
    try (PreparedStatement ps = c.prepareStatement(JobSql.DELETE_WAITING_INSTANCES_OF_KEY)) {
      for (Job job : jobs) {
        ps.setString(1, job.getTaskTrackerNodeGroup());
        ps.setString(2, job.getTaskId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private record Key(String group, String taskId) {
    static Key of(Job job) {
      return new Key(job.getTaskTrackerNodeGroup(), job.getTaskId());
    }
  }

  /** The database saw a different set of keys than this transaction read; try again. */
  private static final class KeyCollision extends RuntimeException {
    private static final long serialVersionUID = 1L;

    KeyCollision(SQLException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
