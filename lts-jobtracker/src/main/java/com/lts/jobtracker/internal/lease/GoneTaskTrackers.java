package com.lts.jobtracker.internal.lease;

import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeChangeListener;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.store.JobStore;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master duty, driven by the registry: when a TaskTracker leaves the cluster (stopped, crashed past
 * its registry session, or cut off), the leases of its running jobs end at once and they run again
 * elsewhere, instead of waiting out their leases.
 */
public final class GoneTaskTrackers implements NodeChangeListener {

  private static final Logger log = LoggerFactory.getLogger(GoneTaskTrackers.class);

  private final JobStore jobs;
  private final LeaseExpiry leaseExpiry;
  private final BooleanSupplier isMaster;
  private final Executor executor;
  private final Background background;

  public GoneTaskTrackers(
      JobStore jobs,
      LeaseExpiry leaseExpiry,
      BooleanSupplier isMaster,
      Executor executor,
      NodeEvents events) {
    this.background = new Background(events, GoneTaskTrackers.class);
    this.jobs = jobs;
    this.leaseExpiry = leaseExpiry;
    this.isMaster = isMaster;
    this.executor = executor;
  }

  @Override
  public void added(List<Node> nodes) {}

  @Override
  public void removed(List<Node> nodes) {
    if (!isMaster.getAsBoolean()) {
      return;
    }
    // On failure the leases end on their own and the lease expiry duty re-queues the jobs.
    executor.execute(
        background.guard(
            "Ending the leases of departed TaskTrackers",
            () -> {
              int ended = 0;
              for (Node node : nodes) {
                ended += jobs.endLeasesOf(node.getIdentity());
              }
              if (ended > 0) {
                log.warn(
                    "{} jobs of TaskTrackers that left the cluster run again: {}", ended, nodes);
                leaseExpiry.run();
              }
            }));
  }
}
