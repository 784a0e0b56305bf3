package com.lts.spring.boot;

import com.lts.core.cluster.NodeType;
import com.lts.core.event.FailureCount;
import com.lts.core.event.NodeEvent;
import com.lts.core.node.AbstractNode;
import com.lts.core.store.Store;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health of one LTS node: DOWN while it is not started, while its registry connection is lost,
 * and — for a JobTracker — while its job store does not answer a small query within {@code
 * timeout}. Details name the node and count its background failures.
 */
public final class LtsNodeHealthIndicator implements HealthIndicator, AutoCloseable {

  private final AbstractNode node;
  private final Supplier<Store> store;
  private final Duration timeout;
  private final ExecutorService probes;
  private volatile String registryLost;

  /**
   * @param store the JobTracker's store (null while none is open), or null for other roles
   */
  public LtsNodeHealthIndicator(AbstractNode node, Supplier<Store> store, Duration timeout) {
    this.node = node;
    this.store = store;
    this.timeout = timeout;
    // One thread per node: a store that hangs holds it, so later checks time out, not pile up.
    this.probes =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lts-health-" + node.getClass().getSimpleName());
              thread.setDaemon(true);
              return thread;
            });
    node.addNodeListener(
        event -> {
          if (event instanceof NodeEvent.RegistryLost lost) {
            registryLost = lost.address();
          } else if (event instanceof NodeEvent.RegistryBack) {
            registryLost = null;
          }
        });
  }

  @Override
  public Health health() {
    try {
      return check();
    } catch (IllegalStateException stoppedMeanwhile) {
      return Health.down().withDetail("started", false).build();
    }
  }

  private Health check() {
    if (!node.isStarted()) {
      return Health.down().withDetail("started", false).build();
    }
    Health.Builder health = Health.up();
    health
        .withDetail("started", true)
        .withDetail("identity", node.self().getIdentity())
        .withDetail("nodeGroup", node.self().getGroup())
        .withDetail("master", node.isMaster())
        .withDetail(
            "backgroundFailures",
            node.failureCounts().stream().mapToLong(FailureCount::count).sum());
    String lost = registryLost;
    if (lost != null) {
      health.down().withDetail("registry", "connection lost: " + lost);
    } else {
      health.withDetail("registry", "connected");
    }
    if (store != null) {
      String problem = storeProblem();
      if (problem != null) {
        health.down().withDetail("store", problem);
      } else {
        health.withDetail("store", "reachable");
      }
    }
    return health.build();
  }

  /** Null when the store answers in time, else what went wrong. */
  private String storeProblem() {
    Store current = store.get();
    if (current == null) {
      return "not open";
    }
    Future<?> query = probes.submit(() -> current.nodeGroups().list(NodeType.TASK_TRACKER));
    try {
      query.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (TimeoutException e) {
      query.cancel(true);
      return "no answer within " + timeout.toMillis() + " ms";
    } catch (ExecutionException e) {
      return "unreachable: " + e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "health check interrupted";
    }
  }

  /** Stops the probe thread. */
  @Override
  public void close() {
    probes.shutdownNow();
  }
}
