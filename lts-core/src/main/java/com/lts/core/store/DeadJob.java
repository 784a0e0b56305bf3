package com.lts.core.store;

import com.lts.core.domain.Job;
import java.util.Objects;

/**
 * A job whose retries were used up (a dead letter): what it was and how its last run ended, kept
 * after the job left the queues so that an operator can look at it and submit it again ({@code
 * JobOperations.retry}) or delete it.
 *
 * @param jobId the id the job had in the queue
 * @param job the job as it was submitted (params, priority, retries, feedback)
 * @param scheduleJobId the schedule it was an instance of; null for a one-time job
 * @param attempt the attempt of its last run
 * @param retryTimes the retries it had used
 * @param action how its last run ended ({@code EXECUTE_LATER}, {@code EXECUTE_EXCEPTION})
 * @param msg what the last run said; null for nothing
 * @param deadTime when it was dead-lettered, from the store's clock (0 until the store writes it)
 */
public record DeadJob(
    String jobId,
    String taskTrackerNodeGroup,
    String taskId,
    Job job,
    String scheduleJobId,
    long attempt,
    int retryTimes,
    String action,
    String msg,
    long deadTime) {

  public DeadJob {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(taskTrackerNodeGroup, "taskTrackerNodeGroup");
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(action, "action");
    if (msg != null && msg.length() > JobLogEntry.MAX_MSG_LENGTH) {
      msg = msg.substring(0, JobLogEntry.MAX_MSG_LENGTH);
    }
  }

  /** This dead job as the store writes it at {@code time}. */
  public DeadJob at(long time) {
    return new DeadJob(
        jobId,
        taskTrackerNodeGroup,
        taskId,
        job,
        scheduleJobId,
        attempt,
        retryTimes,
        action,
        msg,
        time);
  }
}
