package com.lts.spring;

import com.lts.core.cluster.NodeType;
import com.lts.core.config.NodeConfig;
import com.lts.core.store.Store;
import com.lts.jobtracker.JobTracker;
import com.lts.jobtracker.maintenance.OldDataHandler;

/**
 * A {@link JobTracker} bean, started with the context before the client roles and stopped after
 * them.
 *
 * <p>The factory opens the job store itself (as {@code job.queue} and the {@code jdbc.*} or {@code
 * mongo.*} keys say) and closes it after the JobTracker stopped, so {@link #getStore()} can tell a
 * health check whether the store answers. So give the store keys to this factory ({@code configs},
 * {@code properties}, {@code locations}), not to the JobTracker object it made.
 */
public class JobTrackerFactoryBean extends LtsNodeFactoryBean<JobTracker> {

  private OldDataHandler oldDataHandler;
  private Store givenStore;
  private volatile Store openStore;

  public void setListenPort(int listenPort) {
    setProperty("listenPort", String.valueOf(listenPort));
  }

  public void setNodeGroup(String nodeGroup) {
    setProperty("nodeGroup", nodeGroup);
  }

  public void setOldDataHandler(OldDataHandler oldDataHandler) {
    this.oldDataHandler = oldDataHandler;
  }

  /** An already open store to use (the caller closes it) instead of the one the keys name. */
  public void setStore(Store store) {
    this.givenStore = store;
  }

  /** The JobTracker's store while it runs, else null. */
  public Store getStore() {
    return openStore;
  }

  @Override
  public Class<?> getObjectType() {
    return JobTracker.class;
  }

  @Override
  protected JobTracker newNode() {
    return new JobTracker();
  }

  @Override
  protected void configureRole(JobTracker node) {
    if (oldDataHandler != null) {
      node.setOldDataHandler(oldDataHandler);
    }
  }

  @Override
  public int getPhase() {
    return JOB_TRACKER_PHASE;
  }

  @Override
  protected void beforeStart(JobTracker node) {
    if (givenStore != null) {
      openStore = givenStore;
    } else {
      NodeConfig.Builder config = NodeConfig.builder(NodeType.JOB_TRACKER);
      nodeProperties().applyTo(config);
      openStore = Store.open(config.build());
    }
    node.setStore(openStore);
  }

  @Override
  public void start() {
    try {
      super.start();
    } catch (RuntimeException | Error e) {
      closeOwnStore();
      throw e;
    }
  }

  @Override
  protected void afterStop(JobTracker node) {
    closeOwnStore();
  }

  private void closeOwnStore() {
    Store store = openStore;
    openStore = null;
    if (store != null && store != givenStore) {
      store.close();
    }
  }
}
