package com.lts.core.store;

import com.lts.core.domain.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jobs and schedules as the JobTracker and LTS Admin need them. Every change of a job's state is
 * one atomic conditional write, so a crash between two calls never loses a job or leaves it in two
 * queues. A store opened with {@code job.logger=store} writes the job log lines of {@link #submit}
 * (RECEIVED), {@link #claim} (DISPATCHED), {@link #expireLeases} (LEASE_EXPIRED) and the lines
 * given to {@link #finish}, {@link #retryLater} and {@link #releaseAll} in the same write as the
 * change they record, for accepted changes only (see docs/storage.md). Operations on running jobs
 * name the attempt they belong to and are refused for any other. "Now" (due jobs, lease deadlines)
 * comes from the store's {@link java.time.Clock}.
 */
public interface JobStore {

  /**
   * Stores jobs. A job whose (taskTrackerNodeGroup, taskId) exists already is replaced when it says
   * {@code replaceOnExist} and the existing job is not running ({@link
   * SubmitStatus#REFUSED_RUNNING} when it is), else reported as {@link SubmitStatus#DUPLICATE}. A
   * job whose {@link Job#getSubmitId() submit id} the store already recorded is a re-send of a job
   * stored before: it is answered {@link SubmitStatus#ALREADY_RECEIVED} with the first copy's id
   * and changes nothing, whatever became of the first copy (the record of a submit id is kept while
   * its job exists and until {@link #forgetSubmitIds} drops it). Cron and repeat jobs are stored as
   * schedule definitions; their instances come from {@link #createInstance}.
   *
   * @return one result per job, in order
   * @throws com.lts.core.domain.JobValidationException when any job is invalid (nothing stored)
   */
  List<SubmitResult> submit(List<Job> jobs);

  /**
   * {@link #submit}, and in the same write {@link #claim} for one TaskTracker known to have free
   * threads: of the jobs this call adds (not re-sent, duplicate or replaced ones), the first {@code
   * max} one-time jobs of {@code taskTrackerNodeGroup} that are due (no trigger time, or one not
   * after now) are stored already claimed by {@code taskTrackerIdentity} — executing under attempt
   * 1, leased until now + {@code lease}, with their DISPATCHED lines — so a submit for an idle
   * TaskTracker needs one write before the push instead of two. Everything else is stored as {@link
   * #submit} stores it. Such a job does not wait behind older due jobs of its group: the caller
   * uses this only for a TaskTracker with threads free for all of them.
   */
  ClaimingSubmit submitAndClaim(
      List<Job> jobs,
      String taskTrackerNodeGroup,
      String taskTrackerIdentity,
      int max,
      Duration lease);

  /**
   * Claims up to {@code max} due executable jobs of a group for one TaskTracker, smallest priority
   * first, then earliest trigger time. Each claimed job's attempt grows by one and it holds a lease
   * until now + {@code lease}.
   *
   * @return the claimed jobs in that order, with their new attempt numbers
   */
  List<StoredJob> claim(
      String taskTrackerNodeGroup, String taskTrackerIdentity, int max, Duration lease);

  /** {@link #finish} without feedback. */
  default AttemptOutcome complete(Collection<AttemptRef> runs) {
    return finish(runs.stream().map(Completion::of).toList());
  }

  /**
   * Ends runs (success, or failure not to retry): the jobs are removed and, for each accepted run
   * that carries feedback, its result is added to the {@link FeedbackQueue} in the same write (an
   * outbox: a crash never keeps the one without the other). A refused run adds nothing.
   */
  AttemptOutcome finish(Collection<Completion> completions);

  /**
   * Drops up to {@code max} records of submit ids made before {@code createdBefore} whose job no
   * longer exists, oldest first.
   *
   * @return how many were dropped; fewer than {@code max} when no more are due
   */
  int forgetSubmitIds(long createdBefore, int max);

  /** Puts running jobs back to wait until their new trigger time, with retryTimes + 1. */
  AttemptOutcome retryLater(Collection<RetryLater> retries);

  /**
   * Puts running jobs back to executable with their trigger time unchanged, without counting a
   * retry: for a dispatch that never reached a runner.
   */
  default AttemptOutcome release(Collection<AttemptRef> runs) {
    return releaseAll(runs.stream().map(run -> new Release(run, null)).toList());
  }

  /** {@link #release} with the job log line of each release. */
  AttemptOutcome releaseAll(Collection<Release> releases);

  /** Extends the leases of running attempts to now + {@code lease}. */
  AttemptOutcome renewLeases(Collection<AttemptRef> runs, Duration lease);

  /**
   * Returns up to {@code max} running jobs whose lease ended before now to the executable queue,
   * each with its attempt bumped, so a late answer from the old attempt is refused.
   */
  List<ExpiredLease> expireLeases(int max);

  /**
   * The current attempt of each given job that still exists (gone jobs are absent): what a log line
   * or other report from a run is checked against.
   */
  Map<String, Long> attempts(Collection<String> jobIds);

  /**
   * Ends, now, the leases of every job running on one TaskTracker (its node left the cluster), so
   * the next {@link #expireLeases} hands them to a new attempt instead of waiting out their leases.
   *
   * @return how many leases were ended
   */
  int endLeasesOf(String taskTrackerIdentity);

  /**
   * Creates the instance of a schedule for one trigger time, at most once per (schedule, trigger
   * time) however many callers race. The schedule's trigger time moves to the latest instance and
   * its repeated count grows by one.
   */
  InstanceResult createInstance(String scheduleJobId, long triggerTime);

  /**
   * {@link #createInstance} for many (schedule, trigger time) pairs: the same outcome for each, in
   * the order given, in as few round trips as the store can. This implementation creates them one
   * by one.
   */
  default List<InstanceResult> createInstances(List<InstanceRequest> requests) {
    List<InstanceResult> results = new ArrayList<>(requests.size());
    for (InstanceRequest request : requests) {
      results.add(createInstance(request.scheduleJobId(), request.triggerTime()));
    }
    return results;
  }

  /**
   * Pauses an executable job or an active schedule; false when it is in neither state. Suspending a
   * schedule also removes its waiting ({@link JobState#EXECUTABLE}) instances, in the same
   * transaction where the store has them, so a suspended schedule fires nothing more; its running
   * instances run on and complete normally. {@link #resume} lets it create instances again.
   */
  boolean suspend(String jobId);

  /** Undoes {@link #suspend}; false when the job is not suspended. */
  boolean resume(String jobId);

  /**
   * Removes a job or schedule that is not running; cancelling a schedule also removes its waiting
   * instances. False when there is no such job or it is running.
   */
  boolean cancel(String jobId);

  /** {@link #cancel} by the key a JobClient knows. */
  boolean cancel(String taskTrackerNodeGroup, String taskId);

  /**
   * Makes an executable job due now, or creates an instance of a schedule due now. False when the
   * job is neither executable nor an active schedule.
   */
  boolean triggerNow(String jobId);

  /**
   * Replaces the fields of a job that is not running, if its version is still {@code
   * expectedVersion}. The task id, group and kind (one-shot or schedule) cannot change. A
   * schedule's trigger time stays; its waiting instances, copies of the old fields, are removed in
   * the same write and the schedule is rewound so that their instants are planned again with the
   * new expression, interval and fields (running instances finish as they are).
   *
   * @throws com.lts.core.domain.JobValidationException when {@code job} is invalid (nothing
   *     changes)
   * @return false when the job is gone, running, or was changed since it was read
   */
  boolean edit(String jobId, long expectedVersion, Job job);

  Optional<StoredJob> find(String jobId);

  /**
   * The jobs with these ids that exist, by id (gone ones are absent). This implementation reads
   * them one by one.
   */
  default Map<String, StoredJob> find(Collection<String> jobIds) {
    Map<String, StoredJob> found = new LinkedHashMap<>();
    for (String jobId : jobIds) {
      find(jobId).ifPresent(job -> found.put(jobId, job));
    }
    return found;
  }

  /** The job or schedule (not an instance) with this key. */
  Optional<StoredJob> find(String taskTrackerNodeGroup, String taskId);

  /** A page of one queue, ordered by job id; never uses OFFSET. */
  Page<StoredJob> browse(QueueQuery query);

  /** How many jobs each TaskTracker group has in a queue; groups with none are absent. */
  Map<String, Long> countByGroup(JobQueue queue);

  /**
   * The distinct (group, trigger time) pairs of executable rows (one-time jobs and schedule
   * instances) due in {@code [fromInclusive, toExclusive)}, earliest first (then by group), each
   * with how many jobs it holds: what a timing wheel loads for its next turn. One indexed query.
   *
   * @param max most pairs returned, 1 to {@link StoreArguments#MAX_BATCH}
   * @throws InvalidStoreArgumentException when {@code fromInclusive > toExclusive} or {@code max}
   *     is out of range
   */
  List<DueGroup> dueBetween(long fromInclusive, long toExclusive, int max);

  /**
   * How many instances of each given schedule are waiting or running ({@link JobState#EXECUTABLE}
   * or {@link JobState#EXECUTING}). Schedules with none, and ids that are no schedule, are
   * <em>absent</em> from the map (never mapped to 0). One query per {@value
   * StoreArguments#IDS_PER_QUERY} ids.
   *
   * @throws InvalidStoreArgumentException when an id is not a job id
   */
  Map<String, Integer> liveInstances(Collection<String> scheduleJobIds);
}
