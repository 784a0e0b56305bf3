package com.lts.jobtracker.internal.intake;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobRef;
import com.lts.core.domain.JobValidationException;
import com.lts.core.domain.OperationResult;
import com.lts.core.domain.OperationStatus;
import com.lts.core.store.DeadJob;
import com.lts.core.store.DeadJobStore;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobState;
import com.lts.core.store.JobStore;
import com.lts.core.store.StoreException;
import com.lts.core.store.StoredJob;
import com.lts.core.store.SubmitResult;
import com.lts.jobtracker.internal.dispatch.Dispatcher;
import com.lts.jobtracker.internal.log.JobEventLog;
import com.lts.jobtracker.internal.schedule.Timekeeper;
import com.lts.remoting.RemotingException;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.JobOperationRequest;
import com.lts.remoting.internal.command.JobOperationResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUSPEND_JOB, RESUME_JOB, TRIGGER_JOB_NOW, UPDATE_JOB and DELETE_JOB: one conditional write in the
 * store each; when it is refused, the job is read again to say why (gone, running, wrong state,
 * changed meanwhile). A running job is never touched by these: it finishes (or is retried) as it
 * would have. TERMINATE_JOB is the one for a running job: it writes nothing to the job, it asks the
 * TaskTracker running the attempt to interrupt it, and that run then ends as failed.
 */
public final class JobOperationProcessor
    implements RequestProcessor<JobOperationRequest, JobOperationResponse> {

  private static final Logger log = LoggerFactory.getLogger(JobOperationProcessor.class);

  /** The operations this processor serves, one instance each. */
  public enum Operation {
    SUSPEND,
    RESUME,
    TRIGGER_NOW,
    UPDATE,
    DELETE,
    TERMINATE,
    RETRY
  }

  /** Reaches the TaskTracker running a job. */
  @FunctionalInterface
  public interface RunTerminator {
    /**
     * Asks TaskTracker {@code identity} to interrupt its run of {@code jobId} at {@code attempt}.
     *
     * @return whether it was running that attempt; empty when it is not connected to this
     *     JobTracker
     * @throws RemotingException when the request failed on the way
     */
    Optional<Boolean> terminate(String identity, String jobId, long attempt, String by);
  }

  private final Operation operation;
  private final JobStore jobs;
  private final DeadJobStore deadJobs;
  private final Dispatcher dispatcher;
  private final Timekeeper timekeeper;
  private final JobEventLog eventLog;
  private final RunTerminator terminator;
  private final Clock clock;

  public JobOperationProcessor(
      Operation operation,
      JobStore jobs,
      DeadJobStore deadJobs,
      Dispatcher dispatcher,
      Timekeeper timekeeper,
      JobEventLog eventLog,
      RunTerminator terminator,
      Clock clock) {
    this.operation = operation;
    this.terminator = terminator;
    this.jobs = jobs;
    this.deadJobs = deadJobs;
    this.dispatcher = dispatcher;
    this.timekeeper = timekeeper;
    this.eventLog = eventLog;
    this.clock = clock;
  }

  @Override
  public JobOperationResponse process(RemotingChannel channel, JobOperationRequest request) {
    JobRef ref =
        new JobRef(request.getJobId(), request.getTaskId(), request.getTaskTrackerNodeGroup());
    String by = pastTense() + " by " + channel.peer().identity();
    OperationResult result;
    try {
      result = apply(ref, request, by);
    } catch (JobValidationException | InvalidStoreArgumentException e) {
      result = new OperationResult(OperationStatus.INVALID, e.getMessage(), null);
    } catch (StoreException e) {
      log.warn("Operation {} on {} failed in the store: {}", operation, ref, e.toString());
      result =
          new OperationResult(
              OperationStatus.FAILED,
              "The job store failed, nothing is known to have changed: " + e.getMessage(),
              null);
    }
    return JobOperationResponse.of(result);
  }

  private OperationResult apply(JobRef ref, JobOperationRequest request, String by) {
    String problem = ref.problem();
    if (problem != null) {
      return new OperationResult(OperationStatus.INVALID, problem, null);
    }
    if (operation == Operation.UPDATE && request.getJob() == null) {
      return new OperationResult(
          OperationStatus.INVALID, "job: an update needs the job's new fields", null);
    }
    if (operation == Operation.RETRY) {
      return findDead(ref).map(dead -> retry(dead, by)).orElseGet(() -> deadNotFound(ref));
    }
    Optional<StoredJob> found = find(ref);
    if (found.isEmpty() && operation == Operation.DELETE && ref.byJobId()) {
      Optional<DeadJob> dead = deadJobs.find(ref.jobId());
      if (dead.isPresent() && deadJobs.delete(ref.jobId())) {
        return new OperationResult(
            OperationStatus.DONE, "Deleted the dead letter " + describe(dead.get()), ref.jobId());
      }
    }
    if (found.isEmpty()) {
      return notFound(ref);
    }
    StoredJob job = found.get();
    return switch (operation) {
      case SUSPEND -> suspend(job, by);
      case RESUME -> resume(job, by);
      case TRIGGER_NOW -> triggerNow(job, by);
      case UPDATE -> update(job, request.getJob(), request.getExpectedVersion(), by);
      case DELETE -> delete(job, by);
      case TERMINATE -> terminate(job, by);
      case RETRY -> throw new IllegalStateException("a retry names a dead letter, not a job");
    };
  }

  private OperationResult terminate(StoredJob job, String by) {
    if (job.state() != JobState.EXECUTING || job.taskTrackerIdentity() == null) {
      return new OperationResult(
          OperationStatus.REFUSED,
          describe(job) + " is not running (it is " + stateName(job) + "); nothing to terminate",
          job.jobId());
    }
    String tracker = job.taskTrackerIdentity();
    Optional<Boolean> interrupted;
    try {
      interrupted = terminator.terminate(tracker, job.jobId(), job.attempt(), by);
    } catch (RemotingException e) {
      return new OperationResult(
          OperationStatus.FAILED,
          "Could not reach TaskTracker " + tracker + " running " + describe(job) + ": " + e,
          job.jobId());
    }
    if (interrupted.isEmpty()) {
      return new OperationResult(
          OperationStatus.FAILED,
          "TaskTracker "
              + tracker
              + " running "
              + describe(job)
              + " is not connected to this JobTracker; if it is gone, the job's lease ends and"
              + " it runs again",
          job.jobId());
    }
    if (!interrupted.get()) {
      return new OperationResult(
          OperationStatus.REFUSED,
          describe(job) + " is not running attempt " + job.attempt() + " any more on " + tracker,
          job.jobId());
    }
    eventLog.event(job, JobLogType.TERMINATED, tracker, by + ", attempt " + job.attempt());
    return done(
        job,
        "Terminated the run of "
            + describe(job)
            + " on "
            + tracker
            + " (attempt "
            + job.attempt()
            + "): interrupted; it ends as failed when its runner returns");
  }

  /**
   * Runs a dead letter again: a one-time job is submitted again as it was submitted, due now, with
   * its retries counted afresh (its submit id derives from the dead job's id, so a repeated retry
   * of the same letter is recognised as a re-send); an instance of a schedule makes the schedule
   * run once more now. The letter is deleted once that is done.
   */
  private OperationResult retry(DeadJob dead, String by) {
    String group = dead.taskTrackerNodeGroup();
    if (dead.scheduleJobId() != null) {
      Optional<StoredJob> schedule = jobs.find(dead.scheduleJobId());
      if (schedule.isEmpty()) {
        return new OperationResult(
            OperationStatus.REFUSED,
            describe(dead)
                + " was an instance of schedule "
                + dead.scheduleJobId()
                + ", which no longer exists; delete the letter or submit the job again",
            dead.jobId());
      }
      if (!jobs.triggerNow(schedule.get().jobId())) {
        return refused(schedule.get());
      }
      eventLog.event(schedule.get(), JobLogType.TRIGGERED, null, by + ": retry of " + dead.jobId());
      dispatcher.dispatchGroup(group);
      deadJobs.delete(dead.jobId());
      return new OperationResult(
          OperationStatus.DONE,
          "Retried " + describe(dead) + ": its schedule runs one extra instance now",
          schedule.get().jobId());
    }
    Job again = new Job(dead.job());
    again.setTriggerTime((Long) null);
    again.setReplaceOnExist(false);
    again.setSubmitId(retrySubmitId(dead.jobId()));
    SubmitResult result = jobs.submit(List.of(again)).get(0);
    switch (result.status()) {
      case DUPLICATE, REFUSED_RUNNING -> {
        return new OperationResult(
            OperationStatus.REFUSED,
            describe(dead)
                + ": a job with taskId "
                + dead.taskId()
                + " is in the queue now (job "
                + result.jobId()
                + "); delete it or let it finish first",
            dead.jobId());
      }
      case ADDED, REPLACED -> {
        eventLog.written(
            eventLog.line(
                result.jobId(),
                group,
                dead.taskId(),
                0,
                JobLogType.RECEIVED,
                null,
                "retry of dead letter " + dead.jobId() + ", " + by));
        dispatcher.dispatchGroup(group);
      }
      case ALREADY_RECEIVED -> {
        // retried before and its letter was left behind (a crash between the two writes)
      }
    }
    deadJobs.delete(dead.jobId());
    return new OperationResult(
        OperationStatus.DONE,
        "Retried " + describe(dead) + ": submitted again as job " + result.jobId(),
        result.jobId());
  }

  /** 32 hex digits, the same for every retry of one dead letter. */
  static String retrySubmitId(String deadJobId) {
    return UUID.nameUUIDFromBytes(
            ("lts-dead-letter-retry:" + deadJobId).getBytes(StandardCharsets.UTF_8))
        .toString()
        .replace("-", "");
  }

  private Optional<DeadJob> findDead(JobRef ref) {
    return ref.byJobId()
        ? deadJobs.find(ref.jobId())
        : deadJobs.latest(ref.taskTrackerNodeGroup(), ref.taskId());
  }

  private static OperationResult deadNotFound(JobRef ref) {
    return new OperationResult(
        OperationStatus.NOT_FOUND,
        ref.byJobId()
            ? "No dead letter with jobId " + ref.jobId()
            : "No dead letter with taskId "
                + ref.taskId()
                + " in group "
                + ref.taskTrackerNodeGroup(),
        null);
  }

  private static String describe(DeadJob dead) {
    return "dead job "
        + dead.taskTrackerNodeGroup()
        + "/"
        + dead.taskId()
        + " ("
        + dead.jobId()
        + ")";
  }

  private static String stateName(StoredJob job) {
    return job.state().name().toLowerCase();
  }

  private OperationResult suspend(StoredJob job, String by) {
    if (!jobs.suspend(job.jobId())) {
      return refused(job);
    }
    eventLog.event(job, JobLogType.SUSPENDED, null, by);
    return done(job, "Suspended " + describe(job));
  }

  private OperationResult resume(StoredJob job, String by) {
    if (!jobs.resume(job.jobId())) {
      return refused(job);
    }
    eventLog.event(job, JobLogType.RESUMED, null, by);
    if (job.kind() == JobKind.SCHEDULE) {
      timekeeper.scheduleChanged(job.jobId());
    } else {
      becameDue(job.taskTrackerNodeGroup(), job.triggerTime());
    }
    return done(job, "Resumed " + describe(job));
  }

  private OperationResult triggerNow(StoredJob job, String by) {
    if (!jobs.triggerNow(job.jobId())) {
      return refused(job);
    }
    eventLog.event(job, JobLogType.TRIGGERED, null, by);
    dispatcher.dispatchGroup(job.taskTrackerNodeGroup());
    return done(
        job,
        job.kind() == JobKind.SCHEDULE
            ? "Triggered " + describe(job) + ": one extra instance runs now"
            : "Triggered " + describe(job) + ": it is due now");
  }

  private OperationResult update(StoredJob job, Job fields, Long expectedVersion, String by) {
    Job edited = new Job(fields);
    // Named by job id, the fields may leave out the key and the submitter: they stay.
    if (edited.getTaskId() == null) {
      edited.setTaskId(job.taskId());
    }
    if (edited.getTaskTrackerNodeGroup() == null) {
      edited.setTaskTrackerNodeGroup(job.taskTrackerNodeGroup());
    }
    if (edited.getSubmitNodeGroup() == null) {
      edited.setSubmitNodeGroup(job.job().getSubmitNodeGroup());
    }
    long version = expectedVersion == null ? job.version() : expectedVersion;
    if (!jobs.edit(job.jobId(), version, edited)) {
      Optional<StoredJob> now = jobs.find(job.jobId());
      if (now.isPresent()
          && now.get().state() != JobState.EXECUTING
          && now.get().version() != version) {
        return new OperationResult(
            OperationStatus.REFUSED,
            describe(job)
                + " was changed since version "
                + version
                + " (it is at version "
                + now.get().version()
                + "); read it again and repeat the update",
            job.jobId());
      }
      return refused(job);
    }
    eventLog.event(job, JobLogType.UPDATED, null, by);
    if (job.kind() == JobKind.SCHEDULE) {
      timekeeper.scheduleChanged(job.jobId());
    } else if (job.state() == JobState.EXECUTABLE && edited.getTriggerTime() != null) {
      becameDue(job.taskTrackerNodeGroup(), edited.getTriggerTime());
    } else if (job.state() == JobState.EXECUTABLE) {
      becameDue(job.taskTrackerNodeGroup(), job.triggerTime());
    }
    return done(job, "Updated " + describe(job));
  }

  private OperationResult delete(StoredJob job, String by) {
    if (!jobs.cancel(job.jobId())) {
      return refused(job);
    }
    eventLog.event(job, JobLogType.CANCELLED, null, by);
    return done(
        job,
        job.kind() == JobKind.SCHEDULE
            ? "Deleted " + describe(job) + " and its waiting instances"
            : "Deleted " + describe(job));
  }

  private void becameDue(String group, long triggerTime) {
    if (triggerTime <= clock.millis()) {
      dispatcher.dispatchGroup(group);
    } else {
      timekeeper.jobDue(group, triggerTime);
    }
  }

  private Optional<StoredJob> find(JobRef ref) {
    return ref.byJobId()
        ? jobs.find(ref.jobId())
        : jobs.find(ref.taskTrackerNodeGroup(), ref.taskId());
  }

  private OperationResult notFound(JobRef ref) {
    return new OperationResult(
        OperationStatus.NOT_FOUND,
        ref.byJobId()
            ? "No job with jobId " + ref.jobId()
            : "No job with taskId " + ref.taskId() + " in group " + ref.taskTrackerNodeGroup(),
        null);
  }

  /** The write was refused: read the job again and say why. */
  private OperationResult refused(StoredJob before) {
    Optional<StoredJob> now = jobs.find(before.jobId());
    if (now.isEmpty()) {
      return new OperationResult(
          OperationStatus.NOT_FOUND,
          describe(before) + " is gone (it finished or was deleted meanwhile)",
          before.jobId());
    }
    StoredJob job = now.get();
    String why =
        switch (job.state()) {
          case EXECUTING ->
              "is running on "
                  + job.taskTrackerIdentity()
                  + " (attempt "
                  + job.attempt()
                  + ") and cannot be "
                  + pastTense()
                  + " while it runs; it finishes or is retried as usual";
          case SUSPENDED ->
              "is suspended; resume it first"
                  + (operation == Operation.SUSPEND ? " (it is suspended already)" : "");
          case EXECUTABLE, SCHEDULED ->
              operation == Operation.RESUME
                  ? "is not suspended"
                  : "is " + job.state().name().toLowerCase() + " and cannot be " + pastTense();
        };
    return new OperationResult(OperationStatus.REFUSED, describe(job) + " " + why, job.jobId());
  }

  private String pastTense() {
    return switch (operation) {
      case SUSPEND -> "suspended";
      case RESUME -> "resumed";
      case TRIGGER_NOW -> "triggered";
      case UPDATE -> "updated";
      case DELETE -> "deleted";
      case TERMINATE -> "terminated";
      case RETRY -> "retried";
    };
  }

  private static OperationResult done(StoredJob job, String message) {
    return new OperationResult(OperationStatus.DONE, message, job.jobId());
  }

  private static String describe(StoredJob job) {
    String what =
        switch (job.kind()) {
          case SCHEDULE -> job.jobType().name().toLowerCase() + " schedule";
          case INSTANCE -> "instance of schedule " + job.scheduleJobId() + ",";
          case JOB -> "job";
        };
    return what + " " + job.taskTrackerNodeGroup() + "/" + job.taskId() + " (" + job.jobId() + ")";
  }
}
