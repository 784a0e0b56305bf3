package com.lts.remoting.internal.command;

import com.lts.core.domain.JobMeta;
import java.util.List;

/** Jobs a JobTracker hands to a TaskTracker to run now. */
public class JobPushRequest {

  private List<JobMeta> jobMetas;

  public JobPushRequest() {}

  public JobPushRequest(List<JobMeta> jobMetas) {
    this.jobMetas = jobMetas;
  }

  /** The dispatches, each fenced by its attempt number. Never null. */
  public List<JobMeta> getJobMetas() {
    return jobMetas == null ? List.of() : jobMetas;
  }

  public void setJobMetas(List<JobMeta> jobMetas) {
    this.jobMetas = jobMetas;
  }
}
