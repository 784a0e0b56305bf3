package com.lts.core.store.internal.jdbc;

import com.lts.core.domain.Job;
import com.lts.core.store.ClaimingSubmit;
import com.lts.core.store.JobIds;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobState;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoreException;
import com.lts.core.store.StoredJob;
import com.lts.core.store.SubmitResult;
import com.lts.core.store.SubmitStatus;
import com.lts.core.store.internal.ClaimAtSubmit;
import com.lts.core.store.internal.LifecycleLines;
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
import java.util.Objects;

/**
 * Stores submitted jobs in one transaction: finds which submit ids were recorded (re-sends) and
 * which keys exist, inserts the new jobs with multi-row INSERTs, replaces (or reports) the rest,
 * and records the submit ids of what it stored in {@code lts_submit_id}. When a concurrent submit
 * inserts the same key or submit id in between, the unique key refuses it, the transaction rolls
 * back and the batch is tried again (then it sees that job or submit id).
 */
final class JdbcSubmitter {

  private static final int ROWS_PER_INSERT = 400;
  private static final int KEYS_PER_SELECT = 500;
  private static final int MAX_ROUNDS = 5;
  private static final String SUBMIT_IDS = "lts_submit_id";

  private final Jdbc jdbc;
  private final Clock clock;
  private final JobIds ids;
  private final boolean logLifecycle;

  JdbcSubmitter(Jdbc jdbc, Clock clock, JobIds ids, boolean logLifecycle) {
    this.jdbc = jdbc;
    this.logLifecycle = logLifecycle;
    this.clock = clock;
    this.ids = ids;
  }

  List<SubmitResult> submit(List<Job> jobs) {
    return submit(jobs, null).results();
  }

  /**
   * Stores the jobs; with {@code claimFor}, the due one-time jobs it adds for that TaskTracker's
   * group are stored claimed by it (see {@link com.lts.core.store.JobStore#submitAndClaim}).
   */
  ClaimingSubmit submit(List<Job> jobs, ClaimAtSubmit claimFor) {
    StoreArguments.jobs(jobs);
    if (jobs.isEmpty()) {
      return new ClaimingSubmit(List.of(), List.of());
    }
    // Most batches hold only new keys: insert them all without looking first.
    if (distinctKeys(jobs)) {
      try {
        return jdbc.transaction(
            "submit " + jobs.size() + " job(s)",
            c -> {
              Pass pass = new Pass(clock.millis(), claimFor);
              return logged(c, jobs, insertAll(c, jobs, pass), pass);
            });
      } catch (KeyCollision e) {
        // some exist already: fall through to the careful path
      }
    }
    for (int round = 1; ; round++) {
      try {
        return jdbc.transaction(
            "submit " + jobs.size() + " job(s)",
            c -> {
              Pass pass = new Pass(clock.millis(), claimFor);
              return logged(c, jobs, submitOnce(c, jobs, pass), pass);
            });
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
    List<String> submitIds = submitIds(jobs);
    return jobs.stream().map(Key::of).distinct().count() == jobs.size()
        && submitIds.stream().distinct().count() == submitIds.size();
  }

  private static List<String> submitIds(List<Job> jobs) {
    return jobs.stream().map(Job::getSubmitId).filter(Objects::nonNull).toList();
  }

  /**
   * Drops records of submit ids made before {@code createdBefore} whose job is gone; a job that
   * still exists keeps its record.
   */
  int forget(long createdBefore, int max) {
    StoreArguments.limit("max", max);
    return jdbc.autoCommit(
        "forget submit ids",
        c -> {
          List<String> old = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT s.submit_id FROM "
                      + SUBMIT_IDS
                      + " s WHERE s.created < ? AND NOT EXISTS (SELECT 1 FROM "
                      + JobSql.TABLE
                      + " j WHERE j.job_id = s.job_id) ORDER BY s.created LIMIT ?")) {
            ps.setLong(1, createdBefore);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                old.add(rs.getString(1));
              }
            }
          }
          return Jdbc.deleteIn(c, SUBMIT_IDS, "submit_id", old);
        });
  }

  /**
   * Writes the RECEIVED lines of the stored jobs, and the DISPATCHED lines of those stored claimed,
   * in the submit's transaction.
   */
  private ClaimingSubmit logged(Connection c, List<Job> jobs, List<SubmitResult> results, Pass pass)
      throws SQLException {
    if (logLifecycle) {
      List<JobLogEntry> lines = new ArrayList<>(LifecycleLines.received(jobs, results, pass.now));
      if (!pass.claimed.isEmpty()) {
        lines.addAll(LifecycleLines.dispatched(pass.claimed, pass.claimFor.identity(), pass.now));
      }
      if (!lines.isEmpty()) {
        JdbcJobLogStore.insert(c, lines);
      }
    }
    return new ClaimingSubmit(results, pass.claimed);
  }

  private List<SubmitResult> insertAll(Connection c, List<Job> jobs, Pass pass)
      throws SQLException {
    List<String> jobIds = new ArrayList<>(jobs.size());
    List<SubmitResult> results = new ArrayList<>(jobs.size());
    for (Job job : jobs) {
      String jobId = ids.next();
      jobIds.add(jobId);
      results.add(
          new SubmitResult(
              job.getTaskTrackerNodeGroup(), job.getTaskId(), jobId, SubmitStatus.ADDED));
    }
    insertOrCollide(c, jobs, jobIds, pass);
    recordOrCollide(c, jobs, jobIds, pass.now);
    return results;
  }

  private void insertOrCollide(Connection c, List<Job> jobs, List<String> jobIds, Pass pass)
      throws SQLException {
    try {
      insert(c, jobs, jobIds, pass);
    } catch (SQLException e) {
      if (jdbc.dialect().isDuplicateKey(e)) {
        throw new KeyCollision(e);
      }
      throw e;
    }
  }

  /** Records the submit ids of stored jobs (jobs without one are skipped). */
  private void recordOrCollide(Connection c, List<Job> jobs, List<String> jobIds, long now)
      throws SQLException {
    if (submitIds(jobs).isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO " + SUBMIT_IDS + " (submit_id, job_id, created) VALUES (?, ?, ?)")) {
      for (int i = 0; i < jobs.size(); i++) {
        if (jobs.get(i).getSubmitId() != null) {
          ps.setString(1, jobs.get(i).getSubmitId());
          ps.setString(2, jobIds.get(i));
          ps.setLong(3, now);
          ps.addBatch();
        }
      }
      ps.executeBatch();
    } catch (SQLException e) {
      if (jdbc.dialect().isDuplicateKey(e)) {
        throw new KeyCollision(e);
      }
      throw e;
    }
  }

  private List<SubmitResult> submitOnce(Connection c, List<Job> jobs, Pass pass)
      throws SQLException {
    long now = pass.now;
    Map<String, String> received = received(c, submitIds(jobs));
    Map<Key, Existing> known = existing(c, jobs);
    List<SubmitResult> results = new ArrayList<>(jobs.size());
    List<Job> inserts = new ArrayList<>();
    List<String> insertIds = new ArrayList<>();
    List<Job> replaces = new ArrayList<>();
    List<Job> recorded = new ArrayList<>();
    List<String> recordedIds = new ArrayList<>();
    for (Job job : jobs) {
      Key key = Key.of(job);
      String submitId = job.getSubmitId();
      if (submitId != null && received.containsKey(submitId)) {
        results.add(
            new SubmitResult(
                key.group, key.taskId, received.get(submitId), SubmitStatus.ALREADY_RECEIVED));
        continue;
      }
      Existing existing = known.get(key);
      String jobId;
      SubmitStatus status;
      if (existing == null) {
        jobId = ids.next();
        known.put(key, new Existing(jobId, JobRows.initialState(JobRows.kindOf(job)).name()));
        inserts.add(job);
        insertIds.add(jobId);
        status = SubmitStatus.ADDED;
      } else if (!job.isReplaceOnExist()) {
        jobId = existing.jobId;
        status = SubmitStatus.DUPLICATE;
      } else if (existing.running()) {
        jobId = existing.jobId;
        status = SubmitStatus.REFUSED_RUNNING;
      } else {
        jobId = existing.jobId;
        replaces.add(job);
        status = SubmitStatus.REPLACED;
      }
      if (submitId != null && (status == SubmitStatus.ADDED || status == SubmitStatus.REPLACED)) {
        received.put(submitId, jobId);
        recorded.add(job);
        recordedIds.add(jobId);
      }
      results.add(new SubmitResult(key.group, key.taskId, jobId, status));
    }
    insertOrCollide(c, inserts, insertIds, pass);
    replace(c, replaces, now);
    recordOrCollide(c, recorded, recordedIds, now);
    return results;
  }

  /** The recorded submit ids among {@code submitIds}, each with its job's id. */
  private static Map<String, String> received(Connection c, List<String> submitIds)
      throws SQLException {
    Map<String, String> received = new HashMap<>();
    for (int from = 0; from < submitIds.size(); from += KEYS_PER_SELECT) {
      List<String> chunk =
          submitIds.subList(from, Math.min(submitIds.size(), from + KEYS_PER_SELECT));
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT submit_id, job_id FROM "
                  + SUBMIT_IDS
                  + " WHERE submit_id IN ("
                  + JobSql.placeholders(chunk.size())
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            received.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    return received;
  }

  private static Map<Key, Existing> existing(Connection c, List<Job> jobs) throws SQLException {
    Map<String, List<String>> taskIdsByGroup = new LinkedHashMap<>();
    for (Job job : jobs) {
      taskIdsByGroup
          .computeIfAbsent(job.getTaskTrackerNodeGroup(), g -> new ArrayList<>())
          .add(job.getTaskId());
    }
    Map<Key, Existing> existing = new HashMap<>();
    for (Map.Entry<String, List<String>> e : taskIdsByGroup.entrySet()) {
      List<String> taskIds = e.getValue();
      for (int from = 0; from < taskIds.size(); from += KEYS_PER_SELECT) {
        List<String> chunk =
            taskIds.subList(from, Math.min(taskIds.size(), from + KEYS_PER_SELECT));
        String sql =
            "SELECT job_id, task_id, state FROM "
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
              existing.put(
                  new Key(e.getKey(), rs.getString(2)),
                  new Existing(rs.getString(1), rs.getString(3)));
            }
          }
        }
      }
    }
    return existing;
  }

  private static void insert(Connection c, List<Job> jobs, List<String> jobIds, Pass pass)
      throws SQLException {
    for (int from = 0; from < jobs.size(); from += ROWS_PER_INSERT) {
      int to = Math.min(jobs.size(), from + ROWS_PER_INSERT);
      try (PreparedStatement ps = c.prepareStatement(JobSql.insert(to - from))) {
        int i = 1;
        for (int j = from; j < to; j++) {
          Job job = jobs.get(j);
          String jobId = jobIds.get(j);
          i = JobRows.bindNew(ps, i, jobId, job, pass.now, pass.claim(jobId, job));
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
          // The job finished or started since we looked: start over and see what it is now.
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

  /** One try of a submit's transaction: its "now" and the jobs it stored claimed so far. */
  private static final class Pass {
    final long now;
    final ClaimAtSubmit claimFor;
    final List<StoredJob> claimed = new ArrayList<>();

    Pass(long now, ClaimAtSubmit claimFor) {
      this.now = now;
      this.claimFor = claimFor;
    }

    /** The claimed job to store for a new row, or null to store it waiting. */
    StoredJob claim(String jobId, Job job) {
      if (claimFor == null || !claimFor.wants(job, now, claimed.size())) {
        return null;
      }
      StoredJob run =
          JobRows.claimedAtSubmit(jobId, job, claimFor.identity(), claimFor.leaseDeadline(), now);
      claimed.add(run);
      return run;
    }
  }

  private record Existing(String jobId, String state) {
    boolean running() {
      return JobState.EXECUTING.name().equals(state);
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
