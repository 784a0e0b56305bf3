package com.lts.core.store;

import com.lts.core.domain.JobResult;

/**
 * One run to end with {@link JobStore#finish}: the attempt, and the result to feed back to the
 * JobClient group that submitted the job when it asked for feedback.
 *
 * @param jobClientNodeGroup the group the feedback goes to; null when there is none
 * @param feedback the result to feed back; null when the job did not ask for it
 * @param log the FINISHED line the store writes in the same transaction when the run is accepted
 *     and it keeps the job log ({@code job.logger=store}); null for none
 * @param deadJob for a run whose retries are used up: the dead letter the store keeps in the same
 *     transaction when the run is accepted ({@link Store#deadJobs()}); null for none
 */
public record Completion(
    AttemptRef run,
    String jobClientNodeGroup,
    JobResult feedback,
    JobLogEntry log,
    DeadJob deadJob) {

  public Completion {
    if (run == null) {
      throw new InvalidStoreArgumentException("completion: run must not be null");
    }
    if ((jobClientNodeGroup == null) != (feedback == null)) {
      throw new InvalidStoreArgumentException(
          "completion of job "
              + run.jobId()
              + ": a feedback result needs its JobClient group and the other way round");
    }
    if (deadJob != null && !deadJob.jobId().equals(run.jobId())) {
      throw new InvalidStoreArgumentException(
          "completion of job " + run.jobId() + ": its dead letter names job " + deadJob.jobId());
    }
  }

  public Completion(AttemptRef run, String jobClientNodeGroup, JobResult feedback) {
    this(run, jobClientNodeGroup, feedback, null, null);
  }

  public Completion(
      AttemptRef run, String jobClientNodeGroup, JobResult feedback, JobLogEntry log) {
    this(run, jobClientNodeGroup, feedback, log, null);
  }

  /** A run that ends without feedback. */
  public static Completion of(AttemptRef run) {
    return new Completion(run, null, null, null, null);
  }

  /** A run whose result goes to {@code jobClientNodeGroup}. */
  public static Completion withFeedback(
      AttemptRef run, String jobClientNodeGroup, JobResult feedback) {
    return new Completion(run, jobClientNodeGroup, feedback, null, null);
  }

  /** This completion with the job log line that records it. */
  public Completion logged(JobLogEntry line) {
    return new Completion(run, jobClientNodeGroup, feedback, line, deadJob);
  }

  /** This completion keeping {@code dead} as a dead letter when it is accepted. */
  public Completion deadLettered(DeadJob dead) {
    return new Completion(run, jobClientNodeGroup, feedback, log, dead);
  }

  public boolean hasFeedback() {
    return feedback != null;
  }
}
