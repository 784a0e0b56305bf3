package com.lts.spring;

import com.lts.core.LtsException;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.JobCompletedHandler;
import com.lts.jobclient.RetryJobClient;
import java.util.List;

/**
 * A {@link JobClient} bean — a {@link RetryJobClient} unless {@link #setUseRetryClient} says
 * otherwise — started with the context.
 *
 * <p>Results of jobs submitted with {@code needFeedback} go to the {@link #setJobCompletedHandler
 * handler given}, else to the context's one {@link JobCompletedHandler} bean, if there is one.
 */
public class JobClientFactoryBean extends LtsNodeFactoryBean<JobClient> {

  private boolean useRetryClient = true;
  private JobCompletedHandler jobCompletedHandler;

  public void setNodeGroup(String nodeGroup) {
    setProperty("nodeGroup", nodeGroup);
  }

  /** True (the default): a {@link RetryJobClient}, which keeps what it cannot submit for later. */
  public void setUseRetryClient(boolean useRetryClient) {
    this.useRetryClient = useRetryClient;
  }

  public void setJobCompletedHandler(JobCompletedHandler jobCompletedHandler) {
    this.jobCompletedHandler = jobCompletedHandler;
  }

  @Override
  public Class<?> getObjectType() {
    return useRetryClient ? RetryJobClient.class : JobClient.class;
  }

  @Override
  protected JobClient newNode() {
    return useRetryClient ? new RetryJobClient() : new JobClient();
  }

  @Override
  public int getPhase() {
    return CLIENT_PHASE;
  }

  @Override
  protected void beforeStart(JobClient node) {
    JobCompletedHandler handler = jobCompletedHandler;
    if (handler == null) {
      List<JobCompletedHandler> beans = beansOf(JobCompletedHandler.class);
      if (beans.size() > 1) {
        throw new LtsException(
            "JobClient found "
                + beans.size()
                + " JobCompletedHandler beans and cannot pick one: set jobCompletedHandler on its"
                + " factory bean");
      }
      handler = beans.isEmpty() ? null : beans.get(0);
    }
    if (handler != null) {
      node.setJobCompletedHandler(handler);
    }
  }
}
