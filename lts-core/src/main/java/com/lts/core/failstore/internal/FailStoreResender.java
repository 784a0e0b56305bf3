package com.lts.core.failstore.internal;

import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeEvents;
import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStoreEntry;
import com.lts.core.failstore.FailStores;
import com.lts.core.internal.background.Background;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-sends what a FailStore holds, oldest first, in batches, with back-off while sends fail, and
 * deletes each batch once it was taken. The node group's master also drains the stores that dead
 * peers left in the same data folder. Used by the RetryJobClient (submits) and the TaskTracker
 * (results).
 *
 * @param <T> what the entries hold (read back with {@link FailStoreEntry#value(Class)})
 */
public final class FailStoreResender<T> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FailStoreResender.class);
  private static final long MIN_DELAY_MILLIS = 500;
  private static final long MAX_DELAY_MILLIS = 30_000;
  private static final long DEAD_PEER_CHECK_MILLIS = 60_000;

  private final FailStore store;
  private final Class<T> type;
  private final int batchSize;
  private final Predicate<List<T>> send;
  private final BooleanSupplier isMaster;
  private final ScheduledExecutorService scheduler;
  private final String name;
  private final String task;
  private final NodeEvents events;
  private final Background background;
  private long delayMillis = MIN_DELAY_MILLIS;
  private long reportedBacklog;
  private long lastDeadPeerCheck;

  /**
   * @param send sends a batch, in order; true when it was taken (then the batch is deleted), false
   *     or an exception to try again later
   * @param events told of failed rounds and of each change of the backlog
   */
  public FailStoreResender(
      String name,
      FailStore store,
      Class<T> type,
      int batchSize,
      Predicate<List<T>> send,
      BooleanSupplier isMaster,
      NodeEvents events) {
    this.name = name;
    this.task = "FailStore re-send " + name;
    this.events = events;
    this.background = new Background(events, FailStoreResender.class);
    this.store = store;
    this.type = type;
    this.batchSize = batchSize;
    this.send = send;
    this.isMaster = isMaster;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory(name, true));
    scheduler.schedule(this::round, MIN_DELAY_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Something was stored: try soon rather than after the current back-off. */
  public void wakeUp() {
    if (!scheduler.isShutdown()) {
      scheduler.execute(
          background.guard(
              task,
              () -> {
                sendAll();
                reportBacklog();
              }));
    }
  }

  private void round() {
    try {
      background.run(task, this::sendRound);
    } finally {
      if (!scheduler.isShutdown()) {
        scheduler.schedule(this::round, delayMillis, TimeUnit.MILLISECONDS);
      }
    }
  }

  private void sendRound() {
    delayMillis = Math.min(MAX_DELAY_MILLIS, delayMillis * 2); // kept if this round throws
    boolean allSent = sendAll();
    reportBacklog();
    delayMillis = allSent ? MIN_DELAY_MILLIS : delayMillis;
    long now = System.currentTimeMillis();
    if (allSent && isMaster.getAsBoolean() && now - lastDeadPeerCheck > DEAD_PEER_CHECK_MILLIS) {
      lastDeadPeerCheck = now;
      int drained = FailStores.drainDeadPeers(store, this::drain);
      if (drained > 0) {
        log.info("Re-sent what {} stopped peers left in their FailStores", drained);
      }
    }
  }

  /** Tells the node when the backlog changed since last told. */
  private synchronized void reportBacklog() {
    long size = store.count();
    if (size != reportedBacklog) {
      reportedBacklog = size;
      events.publish(new NodeEvent.FailStoreBacklog(name, size));
    }
  }

  /** Sends everything in the own store; whether it is empty now. */
  private synchronized boolean sendAll() {
    return sendFrom(store);
  }

  private void drain(FailStore peer) {
    sendFrom(peer);
  }

  private boolean sendFrom(FailStore from) {
    for (int round = 0; round < 10_000; round++) {
      List<FailStoreEntry> entries = from.oldest(batchSize);
      if (entries.isEmpty()) {
        return true;
      }
      List<T> values = new ArrayList<>(entries.size());
      List<String> keys = new ArrayList<>(entries.size());
      for (FailStoreEntry entry : entries) {
        values.add(entry.value(type));
        keys.add(entry.key());
      }
      // A send that throws ends the round; the round's runner logs and counts it.
      boolean taken = send.test(values);
      if (!taken) {
        return false;
      }
      from.delete(keys);
    }
    return from.count() == 0;
  }

  /** Keeps values to send later (all or nothing), and tries soon. */
  public void putAll(List<byte[]> values) {
    store.putAll(values);
    reportBacklog();
    wakeUp();
  }

  /** Entries waiting in the own store. */
  public long pending() {
    return store.count();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    store.close();
  }
}
