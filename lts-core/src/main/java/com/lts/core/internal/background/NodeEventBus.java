package com.lts.core.internal.background;

import com.lts.core.event.FailureCount;
import com.lts.core.event.FailureKind;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeEvents;
import com.lts.core.event.NodeListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's events: counts background failures per task and kind as they are published, tells when
 * the store becomes unavailable and comes back, and delivers every event to the node's listeners in
 * order on a thread of its own, so a listener that throws or is slow never holds up the part of the
 * node that published.
 */
public final class NodeEventBus implements NodeEvents, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NodeEventBus.class);
  static final int CAPACITY = 10_000;

  private final List<NodeListener> listeners;
  private final ThreadPoolExecutor delivery;
  private final Map<CountKey, AtomicLong> failures = new ConcurrentHashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicBoolean storeDown = new AtomicBoolean();
  private final NodeListener tap;

  /**
   * @param listeners the node's listeners, read at each delivery (so listeners added later are told
   *     too); must be safe to read while written, e.g. a {@code CopyOnWriteArrayList}
   */
  public NodeEventBus(String identity, List<NodeListener> listeners) {
    this(identity, listeners, event -> {});
  }

  /**
   * @param tap told every event at once on the publishing thread, before the listeners (the node's
   *     meters and health); must be quick and must not throw
   */
  public NodeEventBus(String identity, List<NodeListener> listeners, NodeListener tap) {
    this.listeners = listeners;
    this.tap = tap;
    this.delivery =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(CAPACITY),
            runnable -> {
              Thread thread = new Thread(runnable, "lts-node-events-" + identity);
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void publish(NodeEvent event) {
    enqueue(event);
    if (event instanceof NodeEvent.UnexpectedError e) {
      count(e.task(), FailureKind.UNEXPECTED);
    } else if (event instanceof NodeEvent.BackgroundFailure e) {
      count(e.task(), e.kind());
      if (e.kind() == FailureKind.STORE_UNAVAILABLE && storeDown.compareAndSet(false, true)) {
        enqueue(new NodeEvent.StoreUnavailable(e.task(), e.message()));
      }
    } else if (event instanceof NodeEvent.BackgroundRecovered e
        && e.lastKind() == FailureKind.STORE_UNAVAILABLE
        && storeDown.compareAndSet(true, false)) {
      enqueue(new NodeEvent.StoreBack());
    }
  }

  private void count(String task, FailureKind kind) {
    failures.computeIfAbsent(new CountKey(task, kind), k -> new AtomicLong()).incrementAndGet();
  }

  private void enqueue(NodeEvent event) {
    try {
      tap.onEvent(event);
    } catch (RuntimeException e) { // never fail the part that published
      log.error("Counting node event {} failed", event, e);
    }
    if (listeners.isEmpty()) {
      return;
    }
    try {
      delivery.execute(() -> deliver(event));
    } catch (RejectedExecutionException e) {
      if (delivery.isShutdown()) {
        return;
      }
      long n = dropped.incrementAndGet();
      if (n == 1 || n % 1_000 == 0) {
        log.warn(
            "{} node events dropped: the node listeners are too slow ({} events waiting)",
            n,
            CAPACITY);
      }
    }
  }

  private void deliver(NodeEvent event) {
    for (NodeListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (Throwable t) { // root of user code on this thread: one listener never stops others
        log.error("Node listener {} failed on {}; it gets the next events", listener, event, t);
        if (t instanceof VirtualMachineError) {
          throw (VirtualMachineError) t;
        }
      }
    }
  }

  /** Background failures since the node started, per task and kind, sorted by task. */
  public List<FailureCount> failureCounts() {
    List<FailureCount> counts = new ArrayList<>();
    failures.forEach((key, n) -> counts.add(new FailureCount(key.task(), key.kind(), n.get())));
    counts.sort(Comparator.comparing(FailureCount::task).thenComparing(FailureCount::kind));
    return counts;
  }

  /** Events the listeners were too slow to take. */
  public long dropped() {
    return dropped.get();
  }

  /** Delivers what is queued (waiting up to a second), then stops. */
  @Override
  public void close() {
    delivery.shutdown();
    try {
      if (!delivery.awaitTermination(1, TimeUnit.SECONDS)) {
        delivery.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      delivery.shutdownNow();
    }
  }

  private record CountKey(String task, FailureKind kind) {}
}
