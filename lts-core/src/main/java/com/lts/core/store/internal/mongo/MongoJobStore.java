package com.lts.core.store.internal.mongo;

import static com.lts.core.store.internal.mongo.JobDocuments.ATTEMPT;
import static com.lts.core.store.internal.mongo.JobDocuments.GROUP;
import static com.lts.core.store.internal.mongo.JobDocuments.IDENTITY;
import static com.lts.core.store.internal.mongo.JobDocuments.KEY;
import static com.lts.core.store.internal.mongo.JobDocuments.KIND;
import static com.lts.core.store.internal.mongo.JobDocuments.LEASE_DEADLINE;
import static com.lts.core.store.internal.mongo.JobDocuments.MODIFIED;
import static com.lts.core.store.internal.mongo.JobDocuments.PRIORITY;
import static com.lts.core.store.internal.mongo.JobDocuments.REPEATED_COUNT;
import static com.lts.core.store.internal.mongo.JobDocuments.RETRY_TIMES;
import static com.lts.core.store.internal.mongo.JobDocuments.SCHEDULE_JOB_ID;
import static com.lts.core.store.internal.mongo.JobDocuments.SCHEDULE_TIME;
import static com.lts.core.store.internal.mongo.JobDocuments.STATE;
import static com.lts.core.store.internal.mongo.JobDocuments.TRIGGER_TIME;
import static com.lts.core.store.internal.mongo.JobDocuments.VERSION;

import com.lts.core.domain.Job;
import com.lts.core.store.AttemptOutcome;
import com.lts.core.store.AttemptRef;
import com.lts.core.store.ClaimingSubmit;
import com.lts.core.store.Completion;
import com.lts.core.store.DueGroup;
import com.lts.core.store.ExpiredLease;
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
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * {@link JobStore} on one {@code lts_job} collection. Each state change is one conditional
 * single-document write ({@code findOneAndUpdate}/{@code updateOne}/{@code deleteOne} whose filter
 * names the expected state and attempt or version), which Mongo applies atomically.
 */
final class MongoJobStore implements JobStore {

  private final MongoCollection<Document> jobs;
  private final MongoFeedbackQueue feedback;
  private final MongoDeadJobStore deadJobs;
  private final MongoCalls calls;
  private final Clock clock;
  private final Clock leaseClock;
  private final MongoSubmitter submitter;
  private final MongoInstances instances;
  private final MongoJobBrowser browser;
  private final MongoJobLogStore lifecycleLog;

  /**
   * @param clock "now" for due jobs and modification times
   * @param leaseClock "now" for setting and ending leases (the server's, see {@link
   *     com.lts.core.store.internal.DatabaseClock})
   * @param lifecycleLog where state changes write their job log lines right after the change (no
   *     multi-document transaction: a crash in between loses those lines); null when this store
   *     keeps no job log
   */
  MongoJobStore(
      MongoCollection<Document> jobs,
      MongoCollection<Document> submitIds,
      MongoFeedbackQueue feedback,
      MongoDeadJobStore deadJobs,
      MongoCalls calls,
      Clock clock,
      Clock leaseClock,
      MongoJobLogStore lifecycleLog) {
    this.jobs = jobs;
    this.lifecycleLog = lifecycleLog;
    this.feedback = feedback;
    this.deadJobs = deadJobs;
    this.calls = calls;
    this.clock = clock;
    this.leaseClock = leaseClock;
    JobIds ids = new JobIds(clock);
    this.submitter = new MongoSubmitter(jobs, submitIds, calls, clock, ids);
    this.instances = new MongoInstances(jobs, calls, clock, ids);
    this.browser = new MongoJobBrowser(jobs, calls);
  }

  static Bson running(AttemptRef run) {
    return Filters.and(
        Filters.eq("_id", run.jobId()),
        Filters.eq(ATTEMPT, run.attempt()),
        Filters.eq(STATE, JobState.EXECUTING.name()));
  }

  /**
   * The document a finished attempt's result may end: its own running one, or the one its lease
   * expiry put back to executable (attempt bumped, lease deadline kept as the mark) as long as no
   * claim has dispatched it again.
   */
  static Bson finished(AttemptRef run) {
    return Filters.or(
        running(run),
        Filters.and(
            Filters.eq("_id", run.jobId()),
            Filters.eq(ATTEMPT, run.attempt() + 1),
            Filters.eq(STATE, JobState.EXECUTABLE.name()),
            Filters.ne(LEASE_DEADLINE, null)));
  }

  @Override
  public List<SubmitResult> submit(List<Job> batch) {
    List<SubmitResult> results = submitter.submit(batch);
    if (lifecycleLog != null) {
      log(LifecycleLines.received(batch, results, clock.millis()));
    }
    return results;
  }

  @Override
  public ClaimingSubmit submitAndClaim(
      List<Job> batch,
      String taskTrackerNodeGroup,
      String taskTrackerIdentity,
      int max,
      Duration lease) {
    StoreArguments.claim(taskTrackerNodeGroup, taskTrackerIdentity, max, lease);
    long deadline = leaseClock.millis() + lease.toMillis();
    ClaimingSubmit submitted =
        submitter.submit(
            batch, new ClaimAtSubmit(taskTrackerNodeGroup, taskTrackerIdentity, max, deadline));
    if (lifecycleLog != null) {
      long now = clock.millis();
      List<JobLogEntry> lines =
          new ArrayList<>(LifecycleLines.received(batch, submitted.results(), now));
      lines.addAll(LifecycleLines.dispatched(submitted.claimed(), taskTrackerIdentity, now));
      log(lines);
    }
    return submitted;
  }

  /** Writes lifecycle lines right after the change they record, in one insertMany. */
  private void log(List<JobLogEntry> lines) {
    if (lifecycleLog != null && !lines.isEmpty()) {
      lifecycleLog.append(lines);
    }
  }

  @Override
  public List<StoredJob> claim(
      String taskTrackerNodeGroup, String taskTrackerIdentity, int max, Duration lease) {
    StoreArguments.claim(taskTrackerNodeGroup, taskTrackerIdentity, max, lease);
    long now = clock.millis();
    Bson due =
        Filters.and(
            Filters.eq(GROUP, taskTrackerNodeGroup),
            Filters.eq(STATE, JobState.EXECUTABLE.name()),
            Filters.lte(TRIGGER_TIME, now));
    Bson claim =
        Updates.combine(
            Updates.set(STATE, JobState.EXECUTING.name()),
            Updates.set(IDENTITY, taskTrackerIdentity),
            Updates.set(LEASE_DEADLINE, leaseClock.millis() + lease.toMillis()),
            Updates.set(MODIFIED, now),
            Updates.inc(ATTEMPT, 1L),
            Updates.inc(VERSION, 1L));
    FindOneAndUpdateOptions options =
        new FindOneAndUpdateOptions()
            .sort(Sorts.ascending(PRIORITY, TRIGGER_TIME, "_id"))
            .returnDocument(ReturnDocument.AFTER);
    List<StoredJob> result =
        calls.run(
            "claim jobs of group " + taskTrackerNodeGroup,
            () -> {
              // Mongo has no multi-document claim: each findOneAndUpdate claims one job atomically.
              List<StoredJob> claimed = new ArrayList<>(max);
              while (claimed.size() < max) {
                Document doc = jobs.findOneAndUpdate(due, claim, options);
                if (doc == null) {
                  break;
                }
                claimed.add(JobDocuments.read(doc));
              }
              return claimed;
            });
    log(LifecycleLines.dispatched(result, taskTrackerIdentity, now));
    return result;
  }

  /**
   * Per run: the conditional {@code deleteOne}; with feedback, the entry is staged before it and
   * released or discarded after it (see {@link MongoFeedbackQueue}), so a crash between the steps
   * never loses an accepted run's feedback nor delivers a refused run's.
   */
  @Override
  public AttemptOutcome finish(Collection<Completion> completions) {
    StoreArguments.batch("complete", completions);
    List<AttemptRef> accepted = new ArrayList<>();
    List<AttemptRef> refused = new ArrayList<>();
    List<JobLogEntry> lines = new ArrayList<>();
    calls.run(
        "complete " + completions.size() + " run(s)",
        () -> {
          for (Completion completion : completions) {
            AttemptRef run = completion.run();
            StoreArguments.jobId(run.jobId());
            if (completion.hasFeedback()) {
              StoreArguments.group("jobClientNodeGroup", completion.jobClientNodeGroup());
              feedback.stage(run, completion.jobClientNodeGroup(), completion.feedback());
            }
            if (completion.deadJob() != null) {
              deadJobs.stage(run, completion.deadJob());
            }
            boolean done = jobs.deleteOne(finished(run)).getDeletedCount() > 0;
            if (completion.hasFeedback()) {
              if (done) {
                feedback.release(run);
              } else {
                feedback.discard(run);
              }
            }
            if (completion.deadJob() != null) {
              if (done) {
                deadJobs.release(run);
              } else {
                deadJobs.discard(run);
              }
            }
            (done ? accepted : refused).add(run);
            if (done && completion.log() != null) {
              lines.add(completion.log());
            }
          }
        });
    log(lines);
    return new AttemptOutcome(accepted, refused);
  }

  @Override
  public int forgetSubmitIds(long createdBefore, int max) {
    return submitter.forget(createdBefore, max);
  }

  @Override
  public AttemptOutcome retryLater(Collection<RetryLater> retries) {
    StoreArguments.batch("retry", retries);
    List<AttemptRef> accepted = new ArrayList<>();
    List<AttemptRef> refused = new ArrayList<>();
    List<JobLogEntry> lines = new ArrayList<>();
    calls.run(
        "retry " + retries.size() + " run(s)",
        () -> {
          long now = clock.millis();
          for (RetryLater retry : retries) {
            long matched =
                jobs.updateOne(
                        finished(retry.run()),
                        Updates.combine(
                            backToExecutable(now),
                            Updates.set(TRIGGER_TIME, retry.triggerTime()),
                            Updates.inc(RETRY_TIMES, 1)))
                    .getMatchedCount();
            (matched > 0 ? accepted : refused).add(retry.run());
            if (matched > 0 && retry.log() != null) {
              lines.add(retry.log());
            }
          }
        });
    log(lines);
    return new AttemptOutcome(accepted, refused);
  }

  private static Bson backToExecutable(long now) {
    return Updates.combine(
        Updates.set(STATE, JobState.EXECUTABLE.name()),
        Updates.set(IDENTITY, null),
        Updates.set(LEASE_DEADLINE, null),
        Updates.set(MODIFIED, now),
        Updates.inc(VERSION, 1L));
  }

  @Override
  public AttemptOutcome releaseAll(Collection<Release> releases) {
    List<Release> ordered = List.copyOf(releases);
    AttemptOutcome outcome =
        perAttempt(
            "release",
            ordered.stream().map(Release::run).toList(),
            run ->
                jobs.updateOne(running(run), backToExecutable(clock.millis())).getMatchedCount());
    Set<AttemptRef> accepted = new HashSet<>(outcome.accepted());
    log(
        ordered.stream()
            .filter(r -> r.log() != null && accepted.contains(r.run()))
            .map(Release::log)
            .toList());
    return outcome;
  }

  @Override
  public AttemptOutcome renewLeases(Collection<AttemptRef> runs, Duration lease) {
    StoreArguments.lease(lease);
    long deadline = runs.isEmpty() ? 0 : leaseClock.millis() + lease.toMillis();
    return perAttempt(
        "renew leases",
        runs,
        run -> {
          return jobs.updateOne(
                  running(run),
                  Updates.combine(
                      Updates.set(LEASE_DEADLINE, deadline), Updates.set(MODIFIED, clock.millis())))
              .getMatchedCount();
        });
  }

  private AttemptOutcome perAttempt(
      String action, Collection<AttemptRef> runs, Function<AttemptRef, Long> write) {
    StoreArguments.batch(action, runs);
    List<AttemptRef> accepted = new ArrayList<>();
    List<AttemptRef> refused = new ArrayList<>();
    calls.run(
        action + " " + runs.size() + " run(s)",
        () -> {
          for (AttemptRef run : runs) {
            StoreArguments.jobId(run.jobId());
            (write.apply(run) > 0 ? accepted : refused).add(run);
          }
        });
    return new AttemptOutcome(accepted, refused);
  }

  @Override
  public int endLeasesOf(String taskTrackerIdentity) {
    StoreArguments.group("taskTrackerIdentity", taskTrackerIdentity);
    return calls.run(
        "end the leases of " + taskTrackerIdentity,
        () -> {
          long leaseNow = leaseClock.millis();
          return (int)
              jobs.updateMany(
                      Filters.and(
                          Filters.eq(STATE, JobState.EXECUTING.name()),
                          Filters.eq(IDENTITY, taskTrackerIdentity),
                          Filters.gte(LEASE_DEADLINE, leaseNow)),
                      Updates.combine(
                          Updates.set(LEASE_DEADLINE, leaseNow - 1),
                          Updates.set(MODIFIED, clock.millis()),
                          Updates.inc(VERSION, 1L)))
                  .getModifiedCount();
        });
  }

  @Override
  public List<ExpiredLease> expireLeases(int max) {
    StoreArguments.limit("max", max);
    long now = clock.millis();
    List<ExpiredLease> result =
        calls.run(
            "expire leases",
            () -> {
              long leaseNow = leaseClock.millis();
              Bson expiredFilter =
                  Filters.and(
                      Filters.eq(STATE, JobState.EXECUTING.name()),
                      Filters.lt(LEASE_DEADLINE, leaseNow));
              List<ExpiredLease> expired = new ArrayList<>();
              for (Document doc :
                  jobs.find(expiredFilter).sort(Sorts.ascending(LEASE_DEADLINE)).limit(max)) {
                StoredJob job = JobDocuments.read(doc);
                long matched =
                    jobs.updateOne(
                            Filters.and(
                                running(job.attemptRef()), Filters.lt(LEASE_DEADLINE, leaseNow)),
                            // the lease deadline stays: the mark finished(...) looks for
                            Updates.combine(
                                Updates.set(STATE, JobState.EXECUTABLE.name()),
                                Updates.set(IDENTITY, null),
                                Updates.set(MODIFIED, now),
                                Updates.inc(VERSION, 1L),
                                Updates.inc(ATTEMPT, 1L)))
                        .getMatchedCount();
                if (matched > 0) {
                  expired.add(
                      new ExpiredLease(
                          job.jobId(),
                          job.taskTrackerNodeGroup(),
                          job.taskId(),
                          job.taskTrackerIdentity(),
                          job.attempt()));
                }
              }
              return expired;
            });
    log(LifecycleLines.expired(result, now));
    return result;
  }

  @Override
  public InstanceResult createInstance(String scheduleJobId, long triggerTime) {
    return instances.create(scheduleJobId, triggerTime, false);
  }

  /**
   * Two single-document-atomic steps (no multi-document transaction): the conditional update to
   * SUSPENDED, then {@link MongoInstances#dropWaiting}.
   */
  @Override
  public boolean suspend(String jobId) {
    StoreArguments.jobId(jobId);
    boolean suspended =
        updateOne(
            "suspend job " + jobId,
            Filters.and(
                Filters.eq("_id", jobId),
                Filters.in(STATE, JobState.EXECUTABLE.name(), JobState.SCHEDULED.name())),
            Updates.set(STATE, JobState.SUSPENDED.name()));
    instances.dropWaiting(jobId, suspended);
    return suspended;
  }

  @Override
  public boolean resume(String jobId) {
    Bson suspended =
        Filters.and(
            Filters.eq("_id", StoreArguments.jobId(jobId)),
            Filters.eq(STATE, JobState.SUSPENDED.name()));
    return updateOne(
            "resume job " + jobId,
            Filters.and(suspended, Filters.eq(KIND, JobKind.SCHEDULE.name())),
            Updates.set(STATE, JobState.SCHEDULED.name()))
        || updateOne(
            "resume job " + jobId,
            Filters.and(suspended, Filters.ne(KIND, JobKind.SCHEDULE.name())),
            Updates.set(STATE, JobState.EXECUTABLE.name()));
  }

  private boolean updateOne(String action, Bson filter, Bson update) {
    return calls.run(
        action,
        () ->
            jobs.updateOne(
                        filter,
                        Updates.combine(
                            update,
                            Updates.set(MODIFIED, clock.millis()),
                            Updates.inc(VERSION, 1L)))
                    .getMatchedCount()
                == 1);
  }

  @Override
  public boolean cancel(String jobId) {
    StoreArguments.jobId(jobId);
    return calls.run(
        "cancel job " + jobId,
        () -> {
          Bson notRunning = Filters.ne(STATE, JobState.EXECUTING.name());
          if (jobs.deleteOne(Filters.and(Filters.eq("_id", jobId), notRunning)).getDeletedCount()
              == 0) {
            return false;
          }
          jobs.deleteMany(Filters.and(Filters.eq(SCHEDULE_JOB_ID, jobId), notRunning));
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
    return updateOne(
        "trigger job " + jobId + " now",
        Filters.and(Filters.eq("_id", jobId), Filters.eq(STATE, JobState.EXECUTABLE.name())),
        Updates.set(TRIGGER_TIME, now));
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
    List<Bson> sets = new ArrayList<>();
    JobDocuments.editable(job, triggerTime).forEach((k, v) -> sets.add(Updates.set(k, v)));
    boolean edited =
        updateOne(
            "edit job " + jobId,
            Filters.and(
                Filters.eq("_id", jobId),
                Filters.eq(VERSION, expectedVersion),
                Filters.ne(STATE, JobState.EXECUTING.name())),
            Updates.combine(sets));
    if (edited && row.kind() == JobKind.SCHEDULE) {
      replanWaitingInstances(row, job);
    }
    return edited;
  }

  /**
   * The waiting instances of an edited schedule are copies of its old fields: they are removed and
   * the schedule rewound so their instants are planned again from the new fields. Without a
   * multi-document transaction, an instance created in the same instant as the edit may keep the
   * old fields; it is never lost or doubled (its unique key holds).
   */
  private void replanWaitingInstances(StoredJob row, Job job) {
    String jobId = row.jobId();
    calls.run(
        "plan the waiting instances of edited schedule " + jobId + " again",
        () -> {
          List<String> ids = new ArrayList<>();
          long firstRemoved = Long.MAX_VALUE;
          for (Document doc :
              jobs.find(
                  Filters.and(
                      Filters.eq(SCHEDULE_JOB_ID, jobId),
                      Filters.eq(STATE, JobState.EXECUTABLE.name())))) {
            ids.add(doc.getString("_id"));
            firstRemoved = Math.min(firstRemoved, ((Number) doc.get(SCHEDULE_TIME)).longValue());
          }
          if (ids.isEmpty()) {
            return null;
          }
          int removed =
              (int)
                  jobs.deleteMany(
                          Filters.and(
                              Filters.in("_id", ids),
                              Filters.eq(STATE, JobState.EXECUTABLE.name())))
                      .getDeletedCount();
          int countAfter = row.repeatedCount() - removed;
          jobs.updateOne(
              Filters.eq("_id", jobId),
              Updates.combine(
                  Updates.inc(REPEATED_COUNT, -removed),
                  Updates.set(
                      TRIGGER_TIME, ScheduleRewind.triggerTime(job, countAfter, firstRemoved))));
          return null;
        });
  }

  @Override
  public Optional<StoredJob> find(String jobId) {
    return browser.find(Filters.eq("_id", StoreArguments.jobId(jobId)));
  }

  @Override
  public Optional<StoredJob> find(String taskTrackerNodeGroup, String taskId) {
    StoreArguments.group("taskTrackerNodeGroup", taskTrackerNodeGroup);
    StoreArguments.taskId(taskId);
    return browser.find(
        Filters.eq(
            KEY, JobDocuments.key(taskTrackerNodeGroup, JobDocuments.NO_SCHEDULE_TIME, taskId)));
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
}
