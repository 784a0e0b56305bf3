package com.lts.jobtracker;

import com.lts.core.cluster.NodeType;
import com.lts.core.node.AbstractNode;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.core.store.Store;
import com.lts.jobtracker.internal.JobTrackerRuntime;
import com.lts.jobtracker.maintenance.OldDataHandler;

/**
 * Receives, stores, schedules and dispatches jobs. Run several against one store and one registry;
 * the master among them runs the cluster duties.
 *
 * <pre>{@code
 * JobTracker jobTracker = new JobTracker();
 * jobTracker.setRegistryAddress("zookeeper://127.0.0.1:2181");
 * jobTracker.addConfig("job.queue", "mysql");
 * jobTracker.addConfig("jdbc.url", "jdbc:mysql://127.0.0.1:3306/lts");
 * jobTracker.setOldDataHandler(new OldDataDeletePolicy());
 * jobTracker.start();
 * }</pre>
 */
public class JobTracker extends AbstractNode {

  private OldDataHandler oldDataHandler;
  private Store store;

  public JobTracker() {
    super(NodeType.JOB_TRACKER);
  }

  /** The RPC port; default 35001, 0 picks a free one. */
  public void setListenPort(int listenPort) {
    setListenPortInternal(listenPort);
  }

  /** The group of this JobTracker; all JobTrackers of a cluster normally share the default. */
  public void setNodeGroup(String nodeGroup) {
    setNodeGroupInternal(nodeGroup);
  }

  public void setOldDataHandler(OldDataHandler oldDataHandler) {
    this.oldDataHandler = oldDataHandler;
  }

  /**
   * Uses an already open store instead of opening the one {@code job.queue} names (the caller
   * closes it).
   */
  public void setStore(Store store) {
    this.store = store;
  }

  @Override
  protected RoleRuntime startRole(NodeContext context) {
    return new JobTrackerRuntime(context, store, oldDataHandler);
  }

  /** The port the JobTracker listens on; only while started. */
  public int getListenPort() {
    return self().getPort();
  }
}
