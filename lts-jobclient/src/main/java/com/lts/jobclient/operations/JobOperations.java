package com.lts.jobclient.operations;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobRef;
import com.lts.core.domain.OperationResult;

/**
 * Operations on jobs already submitted, carried out by a JobTracker of the cluster over the
 * authenticated RPC; what LTS Admin and scripts use. Get it from a started {@code JobClient} with
 * {@code jobClient.jobOperations()}.
 *
 * <p>Each call is one conditional write in the job store and returns an {@link OperationResult}:
 * {@code DONE}; {@code NOT_FOUND} (no such job); {@code REFUSED} (its state does not allow it, e.g.
 * it is running, or it changed since you read it: nothing changed); {@code INVALID} (a field or the
 * reference is wrong: every problem is named, nothing changed); {@code FAILED} (no JobTracker
 * reachable, or its store failed). Calls never throw for these.
 *
 * <p>A running job is never changed: it finishes, or is retried, as it would have been, unless you
 * {@link #terminate} that run. Suspending or deleting a schedule removes its waiting instances; its
 * running ones finish normally.
 */
public interface JobOperations {

  /** Pauses a waiting job or a cron/repeat schedule: it is neither run nor scheduled. */
  OperationResult suspend(JobRef job);

  /** Undoes {@link #suspend}; a schedule goes on from its next instant (misfire policy applies). */
  OperationResult resume(JobRef job);

  /**
   * Makes a waiting job due now and wakes dispatch; for a cron/repeat schedule, runs one extra
   * instance now, its regular instants unchanged.
   */
  OperationResult triggerNow(JobRef job);

  /**
   * Replaces the fields of a job or schedule that is not running, validated as a submit is (a bad
   * cron expression is refused with the reason, nothing changes). Its taskId, group and kind
   * (one-time or schedule) cannot change. Fields left null in {@code fields} that identify the job
   * (taskId, taskTrackerNodeGroup, submitNodeGroup) keep their stored values when the job is named
   * by id. A schedule's waiting instances are planned again with the new fields.
   */
  OperationResult update(JobRef job, Job fields);

  /**
   * {@link #update(JobRef, Job)} only if the job is still at {@code expectedVersion} (as read from
   * the store's browse API), else {@code REFUSED}: two operators editing at once never overwrite
   * each other unknowingly.
   */
  OperationResult update(JobRef job, Job fields, long expectedVersion);

  /**
   * Removes a job that is not running, or a schedule with its waiting instances; what {@code
   * JobClient.cancelJob} does. Named by job id, it also removes a dead letter (see {@link #retry}).
   */
  OperationResult delete(JobRef job);

  /**
   * Stops the run in progress of a job: the TaskTracker running it interrupts the run's thread and
   * calls {@code interrupt()} of an {@code InterruptibleJobRunner}. However the runner then
   * returns, the run ends as {@code EXECUTE_FAILED} ("terminated by ..."), which is not retried; a
   * schedule goes on with its next instants. A runner that ignores interrupts runs on until it
   * returns. {@code REFUSED} when the job is not running; {@code FAILED} when the TaskTracker
   * running it cannot be reached (its lease then decides, as for any TaskTracker cut off).
   */
  OperationResult terminate(JobRef job);

  /**
   * Runs a dead letter again — a job whose retries were used up, kept in the store ({@code
   * lts.dead.job.retention}): a one-time job is submitted again as it was first submitted, due now,
   * its retries counted afresh; for an instance of a cron/repeat schedule, the schedule runs one
   * extra instance now. The letter is then deleted. Name it by its job id ({@code JobRef.ofJobId}),
   * or by taskId and group for the latest letter of that job. {@code REFUSED} when a job with its
   * taskId is in the queue now, or its schedule is gone or suspended; {@code NOT_FOUND} when there
   * is no such letter. {@link #delete} with the letter's job id deletes it.
   */
  OperationResult retry(JobRef deadJob);
}
