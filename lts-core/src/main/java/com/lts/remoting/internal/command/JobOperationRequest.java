package com.lts.remoting.internal.command;

import com.lts.core.domain.Job;

/**
 * An operator's operation on one job (SUSPEND_JOB, RESUME_JOB, TRIGGER_JOB_NOW, UPDATE_JOB,
 * DELETE_JOB), named by its job id or by (taskTrackerNodeGroup, taskId); answered with a {@link
 * JobOperationResponse}.
 */
public class JobOperationRequest {

  private String jobId;
  private String taskId;
  private String taskTrackerNodeGroup;

  /** UPDATE_JOB only: the job's new fields. */
  private Job job;

  /** UPDATE_JOB only: refuse the update when the job changed since this version; null: any. */
  private Long expectedVersion;

  public JobOperationRequest() {}

  public JobOperationRequest(String jobId, String taskId, String taskTrackerNodeGroup) {
    this.jobId = jobId;
    this.taskId = taskId;
    this.taskTrackerNodeGroup = taskTrackerNodeGroup;
  }

  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public String getTaskTrackerNodeGroup() {
    return taskTrackerNodeGroup;
  }

  public void setTaskTrackerNodeGroup(String taskTrackerNodeGroup) {
    this.taskTrackerNodeGroup = taskTrackerNodeGroup;
  }

  public Job getJob() {
    return job;
  }

  public void setJob(Job job) {
    this.job = job;
  }

  public Long getExpectedVersion() {
    return expectedVersion;
  }

  public void setExpectedVersion(Long expectedVersion) {
    this.expectedVersion = expectedVersion;
  }
}
