package com.lts.tasktracker.runner;

import com.lts.core.domain.Job;
import com.lts.tasktracker.logger.BizLogger;

/**
 * What a {@link JobRunner} gets for one run: the job, facts about the run, and its business logger.
 */
public final class JobContext {

  private final Job job;
  private final JobExtInfo jobExtInfo;
  private final BizLogger bizLogger;

  public JobContext(Job job, JobExtInfo jobExtInfo, BizLogger bizLogger) {
    this.job = job;
    this.jobExtInfo = jobExtInfo;
    this.bizLogger = bizLogger;
  }

  /** A copy of the job as submitted; changes to it are not sent anywhere. */
  public Job getJob() {
    return job;
  }

  public JobExtInfo getJobExtInfo() {
    return jobExtInfo;
  }

  public BizLogger getBizLogger() {
    return bizLogger;
  }
}
