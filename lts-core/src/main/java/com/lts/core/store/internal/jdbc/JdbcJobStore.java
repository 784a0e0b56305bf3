package com.lts.core.store.internal.jdbc;

import com.lts.core.domain.Job;
import com.lts.core.store.AttemptOutcome;
import com.lts.core.store.AttemptRef;
import com.lts.core.store.ClaimingSubmit;
import com.lts.core.store.Completion;
import com.lts.core.store.DeadJob;
import com.lts.core.store.DueGroup;
import com.lts.core.store.ExpiredLease;
import com.lts.core.store.InstanceRequest;
import com.lts.core.store.InstanceResult;
import com.lts.core.store.JobIds;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobQueue;
import com.lts.core.store.JobState;
import com.lts.core.store.JobStore;
import com.lts.core.store.Page;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.Release;
import com.lts.core.store.RetryLater;
import com.lts.core.store.StoreArguments;
import com.lts.core.store.StoredJob;
import com.lts.core.store.SubmitResult;
import com.lts.core.store.internal.ClaimAtSubmit;
import com.lts.core.store.internal.LifecycleLines;
import com.lts.core.store.internal.ScheduleRewind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link JobStore} on one {@code lts_job} table; SQL in {@link JobSql}. */
final class JdbcJobStore implements JobStore {

  private final Jdbc jdbc;
  private final Clock clock;
  private final Clock leaseClock;
  private final JobIds ids;

  /** Rows one completion statement locks and deletes at most. */
  private static final int FINISH_CHUNK = 500;

  private final Claimer claimer;
  private final String retryLater;
  private final String release;
  private final String renew;
  private final String expire;
  private final String suspend;
  private final JdbcSubmitter submitter;
  private final JdbcJobBrowser browser;
  private final JdbcInstances instances;
  private final boolean logLifecycle;

  /**
   * @param clock "now" for due jobs and modification times
   * @param leaseClock "now" for setting and ending leases (the database's, see {@link
   *     com.lts.core.store.internal.DatabaseClock})
   * @param logLifecycle whether state changes write their job log lines in their transaction
   */
  JdbcJobStore(Jdbc jdbc, Clock clock, Clock leaseClock, boolean logLifecycle) {
    this.jdbc = jdbc;
    this.logLifecycle = logLifecycle;
    this.clock = clock;
    this.leaseClock = leaseClock;
    this.ids = new JobIds(clock);
    this.claimer = jdbc.dialect().claimer();
    this.retryLater = jdbc.dialect().byPrimaryKey(JobSql.RETRY_LATER);
    this.release = jdbc.dialect().byPrimaryKey(JobSql.RELEASE);
    this.renew = jdbc.dialect().byPrimaryKey(JobSql.RENEW);
    this.expire = jdbc.dialect().byPrimaryKey(JobSql.EXPIRE);
    this.suspend = jdbc.dialect().byPrimaryKey(JobSql.SUSPEND);
    this.submitter = new JdbcSubmitter(jdbc, clock, ids, logLifecycle);
    this.browser = new JdbcJobBrowser(jdbc);
    this.instances = new JdbcInstances(jdbc, clock, ids);
  }

  @Override
  public List<SubmitResult> submit(List<Job> jobs) {
    return submitter.submit(jobs);
  }

  @Override
  public ClaimingSubmit submitAndClaim(
      List<Job> jobs,
      String taskTrackerNodeGroup,
      String taskTrackerIdentity,
      int max,
      Duration lease) {
    StoreArguments.claim(taskTrackerNodeGroup, taskTrackerIdentity, max, lease);
    long deadline = leaseClock.millis() + lease.toMillis();
    return submitter.submit(
        jobs, new ClaimAtSubmit(taskTrackerNodeGroup, taskTrackerIdentity, max, deadline));
  }

  @Override
  public List<StoredJob> claim(
      String taskTrackerNodeGroup, String taskTrackerIdentity, int max, Duration lease) {
    StoreArguments.claim(taskTrackerNodeGroup, taskTrackerIdentity, max, lease);
    long now = clock.millis();
    long deadline = leaseClock.millis() + lease.toMillis();
    String action = "claim jobs of group " + taskTrackerNodeGroup;
    if (!logLifecycle) {
      return jdbc.retryingDeadlocks(
          () ->
              jdbc.autoCommit(
                  action,
                  c ->
                      claimer.claim(
                          c, taskTrackerNodeGroup, taskTrackerIdentity, max, deadline, now)));
    }
    return jdbc.retryingDeadlocks(
        () ->
            jdbc.transaction(
                action,
                c -> {
                  List<StoredJob> claimed =
                      claimer.claim(
                          c, taskTrackerNodeGroup, taskTrackerIdentity, max, deadline, now);
                  log(c, LifecycleLines.dispatched(claimed, taskTrackerIdentity, now));
                  return claimed;
                }));
  }

  /**
   * One transaction: the runs' rows are locked and read in job id order with one SELECT ... FOR
   * UPDATE per chunk, the runs that may still finish (see {@link JobSql#FINISHED_ATTEMPT}) are
   * deleted with one DELETE per chunk, then the feedback of the accepted runs goes in with one
   * INSERT batch (the outbox). A batch of conditional DELETEs did the same one statement per run;
   * MySQL's driver re-parsed the whole batch as one multi-statement text each time (a drain's
   * largest JVM cost in a profile).
   */
  @Override
  public AttemptOutcome finish(Collection<Completion> completions) {
    StoreArguments.batch("complete", completions);
    if (completions.isEmpty()) {
      return new AttemptOutcome(List.of(), List.of());
    }
    List<Completion> ordered = inLockOrder(completions, Completion::run);
    for (Completion completion : ordered) {
      StoreArguments.jobId(completion.run().jobId());
      if (completion.hasFeedback()) {
        StoreArguments.group("jobClientNodeGroup", completion.jobClientNodeGroup());
      }
    }
    // A deadlock victim kept nothing (feedback, dead letters and lines included): run it again.
    return jdbc.retryingDeadlocks(() -> finishInOrder(ordered));
  }

  private AttemptOutcome finishInOrder(List<Completion> ordered) {
    return jdbc.transaction(
        "complete " + ordered.size() + " run(s)",
        c -> {
          long now = clock.millis();
          List<AttemptRef> runs = ordered.stream().map(Completion::run).toList();
          int[] counts = deleteFinished(c, runs);
          List<AttemptRef> accepted = new ArrayList<>();
          List<AttemptRef> refused = new ArrayList<>();
          List<Completion> feedback = new ArrayList<>();
          List<DeadJob> dead = new ArrayList<>();
          List<JobLogEntry> lines = new ArrayList<>();
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
              accepted.add(runs.get(i));
              if (ordered.get(i).hasFeedback()) {
                feedback.add(ordered.get(i));
              }
              if (ordered.get(i).deadJob() != null) {
                dead.add(ordered.get(i).deadJob());
              }
              if (ordered.get(i).log() != null) {
                lines.add(ordered.get(i).log());
              }
            } else {
              refused.add(runs.get(i));
            }
          }
          JdbcFeedbackQueue.insert(c, feedback, now);
          JdbcDeadJobStore.insert(c, dead, now);
          log(c, lines);
          return new AttemptOutcome(accepted, refused);
        });
  }

  @Override
  public int forgetSubmitIds(long createdBefore, int max) {
    return submitter.forget(createdBefore, max);
  }

  @Override
  public AttemptOutcome retryLater(Collection<RetryLater> retries) {
    List<RetryLater> ordered = inLockOrder(retries, RetryLater::run);
    List<AttemptRef> runs = ordered.stream().map(RetryLater::run).toList();
    return perAttempt(
        "retry",
        retryLater,
        runs,
        ordered.stream().map(RetryLater::log).toList(),
        new Binder() {
          private int next;

          @Override
          public void bind(PreparedStatement ps, AttemptRef run, long now) throws SQLException {
            ps.setLong(1, ordered.get(next++).triggerTime());
            ps.setLong(2, now);
            bindFinished(ps, 3, run);
          }
        });
  }

  @Override
  public AttemptOutcome releaseAll(Collection<Release> releases) {
    List<Release> ordered = inLockOrder(releases, Release::run);
    return perAttempt(
        "release",
        release,
        ordered.stream().map(Release::run).toList(),
        ordered.stream().map(Release::log).toList(),
        (ps, run, now) -> {
          ps.setLong(1, now);
          bindRef(ps, 2, run);
        });
  }

  @Override
  public AttemptOutcome renewLeases(Collection<AttemptRef> runs, Duration lease) {
    StoreArguments.lease(lease);
    long deadline = runs.isEmpty() ? 0 : leaseClock.millis() + lease.toMillis();
    return perAttempt(
        "renew leases",
        renew,
        inLockOrder(runs, run -> run),
        null,
        (ps, run, now) -> {
          ps.setLong(1, deadline);
          ps.setLong(2, now);
          bindRef(ps, 3, run);
        });
  }

  @Override
  public int endLeasesOf(String taskTrackerIdentity) {
    StoreArguments.group("taskTrackerIdentity", taskTrackerIdentity);
    long leaseNow = leaseClock.millis();
    return jdbc.autoCommit(
        "end the leases of " + taskTrackerIdentity,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(JobSql.END_LEASES_OF)) {
            ps.setLong(1, leaseNow - 1);
            ps.setLong(2, clock.millis());
            ps.setString(3, taskTrackerIdentity);
            ps.setLong(4, leaseNow);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public List<ExpiredLease> expireLeases(int max) {
    StoreArguments.limit("max", max);
    long leaseNow = leaseClock.millis();
    return jdbc.transaction(
        "expire leases",
        c -> {
          long now = clock.millis();
          List<ExpiredLease> candidates = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(JobSql.EXPIRED)) {
            ps.setLong(1, leaseNow);
            ps.setInt(2, max);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                candidates.add(
                    new ExpiredLease(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5)));
              }
            }
          }
          if (candidates.isEmpty()) {
            return candidates;
          }
          List<ExpiredLease> expired = new ArrayList<>(candidates.size());
          try (PreparedStatement ps = c.prepareStatement(expire)) {
            for (ExpiredLease lease : candidates) {
              ps.setLong(1, now);
              ps.setString(2, lease.jobId());
              ps.setLong(3, lease.expiredAttempt());
              ps.setLong(4, leaseNow);
              ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
              if (counts[i] > 0) {
                expired.add(candidates.get(i));
              }
            }
          }
          log(c, LifecycleLines.expired(expired, now));
          return expired;
        });
  }

  @Override
  public InstanceResult createInstance(String scheduleJobId, long triggerTime) {
    return instances.create(scheduleJobId, triggerTime, false);
  }

  @Override
  public List<InstanceResult> createInstances(List<InstanceRequest> requests) {
    return instances.createAll(requests);
  }

  /**
   * One transaction: the conditional UPDATE to SUSPENDED locks the row (so a racing {@code
   * createInstance}, which locks the schedule first too, either commits its instance before and
   * sees it deleted here, or waits and then finds the schedule suspended), then the schedule's
   * waiting instances are deleted. A one-time job or an instance has no instances to delete.
   */
  @Override
  public boolean suspend(String jobId) {
    StoreArguments.jobId(jobId);
    return jdbc.transaction(
        "suspend job " + jobId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(suspend)) {
            ps.setLong(1, clock.millis());
            ps.setString(2, jobId);
            if (ps.executeUpdate() == 0) {
              return false;
            }
          }
          try (PreparedStatement ps = c.prepareStatement(JobSql.DROP_WAITING_INSTANCES)) {
            ps.setString(1, jobId);
            ps.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public boolean resume(String jobId) {
    return updateOne("resume job " + jobId, JobSql.RESUME, jobId);
  }

  private boolean updateOne(String action, String sql, String jobId) {
    StoreArguments.jobId(jobId);
    return jdbc.autoCommit(
        action,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, clock.millis());
            ps.setString(2, jobId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean cancel(String jobId) {
    StoreArguments.jobId(jobId);
    return jdbc.transaction(
        "cancel job " + jobId,
        c -> {
          try (PreparedStatement ps = c.prepareStatement(JobSql.CANCEL)) {
            ps.setString(1, jobId);
            if (ps.executeUpdate() == 0) {
              return false;
            }
          }
          try (PreparedStatement ps = c.prepareStatement(JobSql.CANCEL_INSTANCES)) {
            ps.setString(1, jobId);
            ps.executeUpdate();
          }
          return true;
        });
  }

  @Override
  public boolean cancel(String taskTrackerNodeGroup, String taskId) {
    return find(taskTrackerNodeGroup, taskId).map(job -> cancel(job.jobId())).orElse(false);
  }

  @Override
  public boolean triggerNow(String jobId) {
    Optional<StoredJob> job = find(jobId);
    if (job.isEmpty()) {
      return false;
    }
    long now = clock.millis();
    if (job.get().kind() == JobKind.SCHEDULE) {
      return instances.create(jobId, now, true).status() == InstanceResult.Status.CREATED;
    }
    return jdbc.autoCommit(
        "trigger job " + jobId + " now",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(JobSql.TRIGGER_NOW)) {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setString(3, jobId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean edit(String jobId, long expectedVersion, Job job) {
    job.validate();
    Optional<StoredJob> stored = find(jobId);
    if (stored.isEmpty()) {
      return false;
    }
    StoredJob row = stored.get();
    StoreArguments.checkEdit(row, job);
    long triggerTime =
        row.kind() == JobKind.SCHEDULE || job.getTriggerTime() == null
            ? row.triggerTime()
            : job.getTriggerTime();
    if (row.kind() != JobKind.SCHEDULE) {
      return jdbc.autoCommit(
          "edit job " + jobId, c -> editRow(c, jobId, expectedVersion, job, triggerTime));
    }
    // The edit locks the schedule (a racing createInstance waits), then its waiting instances,
    // copies of the old fields, are removed and their instants planned again from the new ones.
    return jdbc.transaction(
        "edit schedule " + jobId,
        c -> {
          if (!editRow(c, jobId, expectedVersion, job, triggerTime)) {
            return false;
          }
          int removed;
          long firstRemoved;
          try (PreparedStatement ps = c.prepareStatement(JobSql.WAITING_INSTANCES)) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              removed = rs.getInt(1);
              firstRemoved = rs.getLong(2);
            }
          }
          if (removed == 0) {
            return true;
          }
          try (PreparedStatement ps = c.prepareStatement(JobSql.DROP_WAITING_INSTANCES)) {
            ps.setString(1, jobId);
            ps.executeUpdate();
          }
          int countAfter = row.repeatedCount() - removed;
          try (PreparedStatement ps = c.prepareStatement(JobSql.REWIND_SCHEDULE)) {
            ps.setInt(1, Math.max(0, countAfter));
            ps.setLong(2, ScheduleRewind.triggerTime(job, countAfter, firstRemoved));
            ps.setString(3, jobId);
            ps.executeUpdate();
          }
          return true;
        });
  }

  private boolean editRow(
      Connection c, String jobId, long expectedVersion, Job job, long triggerTime)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(JobSql.EDIT)) {
      ps.setString(1, job.getJobType().name());
      int i = JobRows.bindEditable(ps, 2, job, triggerTime);
      ps.setLong(i++, clock.millis());
      ps.setString(i++, jobId);
      ps.setLong(i, expectedVersion);
      return ps.executeUpdate() == 1;
    }
  }

  @Override
  public Optional<StoredJob> find(String jobId) {
    StoreArguments.jobId(jobId);
    return jdbc.autoCommit("find job " + jobId, c -> JdbcJobBrowser.findById(c, jobId));
  }

  @Override
  public Map<String, StoredJob> find(Collection<String> jobIds) {
    return browser.findAll(jobIds);
  }

  @Override
  public Optional<StoredJob> find(String taskTrackerNodeGroup, String taskId) {
    return browser.findByKey(taskTrackerNodeGroup, taskId);
  }

  @Override
  public Page<StoredJob> browse(QueueQuery query) {
    return browser.browse(query);
  }

  @Override
  public Map<String, Long> countByGroup(JobQueue queue) {
    return browser.countByGroup(queue);
  }

  @Override
  public List<DueGroup> dueBetween(long fromInclusive, long toExclusive, int max) {
    return browser.dueBetween(fromInclusive, toExclusive, max);
  }

  @Override
  public Map<String, Long> attempts(Collection<String> jobIds) {
    return browser.attempts(jobIds);
  }

  @Override
  public Map<String, Integer> liveInstances(Collection<String> scheduleJobIds) {
    return browser.liveInstances(scheduleJobIds);
  }

  /** The database server's time, for {@link com.lts.core.store.internal.DatabaseClock}. */
  static long databaseMillis(Jdbc jdbc) {
    return jdbc.autoCommit(
        "read the database's clock",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(jdbc.dialect().currentMillisQuery());
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Binds one batched statement's parameters for one run. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps, AttemptRef run, long now) throws SQLException;
  }

  /**
   * @param lines each run's job log line (null entries for none), written for accepted runs in the
   *     same transaction; null when the change writes none
   */
  private AttemptOutcome perAttempt(
      String action,
      String sql,
      Collection<AttemptRef> runs,
      List<JobLogEntry> lines,
      Binder binder) {
    StoreArguments.batch(action, runs);
    if (runs.isEmpty()) {
      return new AttemptOutcome(List.of(), List.of());
    }
    List<AttemptRef> ordered = List.copyOf(runs);
    for (AttemptRef run : ordered) {
      StoreArguments.jobId(run.jobId());
    }
    return jdbc.transaction(
        action + " " + ordered.size() + " run(s)",
        c -> {
          long now = clock.millis();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (AttemptRef run : ordered) {
              binder.bind(ps, run, now);
              ps.addBatch();
            }
            int[] counts = updateCounts(ps.executeBatch());
            List<AttemptRef> accepted = new ArrayList<>();
            List<AttemptRef> refused = new ArrayList<>();
            List<JobLogEntry> written = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
              (counts[i] > 0 ? accepted : refused).add(ordered.get(i));
              if (counts[i] > 0 && lines != null && lines.get(i) != null) {
                written.add(lines.get(i));
              }
            }
            log(c, written);
            return new AttemptOutcome(accepted, refused);
          }
        });
  }

  /**
   * Deletes the rows of the runs that may still finish, locking them in job id order first; returns
   * 1 for each deleted run and 0 for each refused one, in the order of {@code runs} (sorted by job
   * id).
   */
  private int[] deleteFinished(Connection c, List<AttemptRef> runs) throws SQLException {
    int[] counts = new int[runs.size()];
    for (int from = 0; from < runs.size(); from += FINISH_CHUNK) {
      List<AttemptRef> chunk = runs.subList(from, Math.min(runs.size(), from + FINISH_CHUNK));
      Map<String, FinishableRow> rows = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement(jdbc.dialect().lockForFinish(chunk.size()))) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i).jobId());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long leaseDeadline = rs.getLong(4);
            rows.put(
                rs.getString(1), new FinishableRow(rs.getLong(2), rs.getString(3), !rs.wasNull()));
          }
        }
      }
      List<String> doomed = new ArrayList<>(chunk.size());
      for (int i = 0; i < chunk.size(); i++) {
        AttemptRef run = chunk.get(i);
        // remove(): a second run of the same job in one batch cannot end the row twice
        FinishableRow row = rows.remove(run.jobId());
        if (row != null && row.mayFinish(run.attempt())) {
          doomed.add(run.jobId());
          counts[from + i] = 1;
        }
      }
      if (!doomed.isEmpty()) {
        try (PreparedStatement ps = c.prepareStatement(jdbc.dialect().deleteByIds(doomed.size()))) {
          for (int i = 0; i < doomed.size(); i++) {
            ps.setString(i + 1, doomed.get(i));
          }
          int deleted = ps.executeUpdate();
          if (deleted != doomed.size()) {
            throw new SQLException(
                "Completion deleted " + deleted + " of " + doomed.size() + " locked rows");
          }
        }
      }
    }
    return counts;
  }

  /** The columns of a locked row that decide whether a run may finish it. */
  private record FinishableRow(long attempt, String state, boolean leaseDeadlineSet) {

    /** {@link JobSql#FINISHED_ATTEMPT}, evaluated on the locked row. */
    boolean mayFinish(long runAttempt) {
      return (attempt == runAttempt && JobState.EXECUTING.name().equals(state))
          || (attempt == runAttempt + 1
              && JobState.EXECUTABLE.name().equals(state)
              && leaseDeadlineSet);
    }
  }

  /**
   * {@code items} sorted by job id: every batch that changes several job rows locks them in the
   * same order, so a lease renewal and a completion of overlapping runs wait for each other instead
   * of deadlocking (seen on PostgreSQL and MariaDB while draining).
   */
  private static <T> List<T> inLockOrder(Collection<T> items, Function<T, AttemptRef> run) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(item -> run.apply(item).jobId()));
    return sorted;
  }

  /** Writes lifecycle lines in {@code c}'s transaction, when this store keeps the job log. */
  private void log(Connection c, List<JobLogEntry> lines) throws SQLException {
    if (logLifecycle && !lines.isEmpty()) {
      JdbcJobLogStore.insert(c, lines);
    }
  }

  /** Binds {@link JobSql#FINISHED_ATTEMPT}. */
  private static void bindFinished(PreparedStatement ps, int i, AttemptRef run)
      throws SQLException {
    bindRef(ps, i, run);
    ps.setLong(i + 2, run.attempt() + 1);
  }

  private static int[] updateCounts(int[] counts) throws SQLException {
    for (int count : counts) {
      if (count == PreparedStatement.SUCCESS_NO_INFO) {
        throw new SQLException(
            "the driver did not report per-statement update counts; remove"
                + " batch-rewriting options from jdbc.url");
      }
    }
    return counts;
  }

  private static void bindRef(PreparedStatement ps, int i, AttemptRef run) throws SQLException {
    ps.setString(i, run.jobId());
    ps.setLong(i + 1, run.attempt());
  }
}
