package com.lts.core.domain;

/**
 * Names one job for an operation: by the key users know, {@code (taskTrackerNodeGroup, taskId)} — a
 * one-time job or a cron/repeat schedule — or by the job id the store gave it (what LTS Admin and
 * the job log show, and the only way to name one instance of a schedule).
 */
public record JobRef(String jobId, String taskId, String taskTrackerNodeGroup) {

  public static JobRef of(String taskId, String taskTrackerNodeGroup) {
    return new JobRef(null, taskId, taskTrackerNodeGroup);
  }

  public static JobRef ofJobId(String jobId) {
    return new JobRef(jobId, null, null);
  }

  public boolean byJobId() {
    return jobId != null;
  }

  /** What is wrong with this reference, or null when it names a job. */
  public String problem() {
    if (jobId != null) {
      return jobId.isBlank() ? "jobId: must not be blank" : null;
    }
    if (taskId == null || taskId.isBlank()) {
      return "taskId: a job is named by its taskId and taskTrackerNodeGroup, or by its jobId";
    }
    if (taskTrackerNodeGroup == null || taskTrackerNodeGroup.isBlank()) {
      return "taskTrackerNodeGroup: must be set with taskId " + taskId;
    }
    return null;
  }

  @Override
  public String toString() {
    return jobId != null ? "job " + jobId : "job " + taskTrackerNodeGroup + "/" + taskId;
  }
}
