package com.lts.core.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of submitted jobs. The JobClient checks a submit all or nothing before sending ({@link
 * #refuseInvalid}): one invalid job refuses the whole call, with every problem of every job named.
 * The JobTracker checks job by job ({@link #refusalOf}) and stores the valid ones of a request.
 */
public final class JobBatch {

  private JobBatch() {}

  /**
   * Fills in the submit group where the job has none, then checks it.
   *
   * @return the refusal, with every problem named, when the job is invalid
   */
  public static Optional<JobRefusal> refusalOf(Job job, String submitNodeGroup) {
    if (job == null) {
      return Optional.of(new JobRefusal(null, null, "the job is null"));
    }
    if (job.getSubmitNodeGroup() == null) {
      job.setSubmitNodeGroup(submitNodeGroup);
    }
    List<String> problems = job.problems();
    return problems.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new JobRefusal(
                job.getTaskId(), job.getTaskTrackerNodeGroup(), String.join("; ", problems)));
  }

  /**
   * Fills in the submit group where a job has none, then checks every job.
   *
   * @param submitNodeGroup the group results go back to when a job does not name one; may be null
   * @param what what happens to a valid batch, for the message ("submitted", "stored")
   * @return the refusal when any job is invalid
   */
  public static Optional<Response> refuseInvalid(
      List<Job> jobs, String submitNodeGroup, String what) {
    if (jobs == null || jobs.isEmpty()) {
      return Optional.of(
          Response.failure(
              ResponseCode.REQUEST_FIELD_CHECK_ERROR, "No jobs in the request", List.of()));
    }
    List<Job> invalid = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Job job : jobs) {
      if (job == null) {
        return Optional.of(
            Response.failure(ResponseCode.REQUEST_FIELD_CHECK_ERROR, "A job is null", List.of()));
      }
      if (job.getSubmitNodeGroup() == null) {
        job.setSubmitNodeGroup(submitNodeGroup);
      }
      List<String> jobProblems = job.problems();
      if (!jobProblems.isEmpty()) {
        invalid.add(job);
        problems.add(
            (job.getTaskId() == null ? "job" : "'" + job.getTaskId() + "'")
                + ": "
                + String.join("; ", jobProblems));
      }
    }
    if (invalid.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Response.failure(
            ResponseCode.REQUEST_FIELD_CHECK_ERROR,
            invalid.size()
                + " of "
                + jobs.size()
                + " jobs are invalid, none was "
                + what
                + ": "
                + String.join(" | ", problems),
            invalid));
  }
}
