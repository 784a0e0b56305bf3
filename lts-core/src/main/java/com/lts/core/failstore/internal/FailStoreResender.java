package com.lts.core.failstore.internal;

import com.lts.core.LtsException;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeEvents;
import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStoreEntry;
import com.lts.core.failstore.FailStores;
import com.lts.core.internal.background.Background;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-sends what a FailStore holds, oldest first, in batches (at most {@code batchSize} entries and
 * {@code maxBatchBytes} of stored bytes, at least one entry), with back-off while sends fail, and
 * deletes each batch once it was taken. An entry that can never be sent as it is — the receiver
 * refused it for good, or it cannot be read — is moved to the node's dead-letter store (bytes
 * unchanged, with the reason; logged once and told as {@link NodeEvent.FailStoreDeadLetter}), and
 * the entries behind it go on in order. The node group's master also drains the stores, and the
 * dead letters, that dead peers left in the same data folder. Used by the RetryJobClient (submits)
 * and the TaskTracker (results).
 *
 * @param <T> what the entries hold (read back with {@link FailStoreEntry#value(Class)})
 */
public final class FailStoreResender<T> implements AutoCloseable {

  /**
   * What became of a sent batch: the values at the indexes of {@code refused} can never be taken
   * (each with its reason) and are moved aside; those at the indexes of {@code notTaken} are kept
   * and tried again ({@code cause}, when set, is logged and counted; when nothing of the batch was
   * taken or moved aside, the next try waits for the back-off); all others were taken.
   */
  public record Outcome(
      Map<Integer, String> refused, Set<Integer> notTaken, RuntimeException cause) {

    public Outcome {
      refused = Map.copyOf(refused);
      notTaken = Set.copyOf(notTaken);
    }

    /** Every value was taken. */
    public static Outcome taken() {
      return new Outcome(Map.of(), Set.of(), null);
    }

    /** None of the {@code size} values was taken; try all again later. */
    public static Outcome retryLater(int size, RuntimeException cause) {
      Set<Integer> all = new HashSet<>();
      for (int i = 0; i < size; i++) {
        all.add(i);
      }
      return new Outcome(Map.of(), all, cause);
    }

    /** The values at these indexes are refused for good, with their reasons; the rest was taken. */
    public static Outcome refused(Map<Integer, String> refused) {
      return new Outcome(refused, Set.of(), null);
    }
  }

  /** Sends one batch, in order. */
  @FunctionalInterface
  public interface Sender<T> {
    Outcome send(List<T> batch);
  }

  private static final Logger log = LoggerFactory.getLogger(FailStoreResender.class);
  private static final long MIN_DELAY_MILLIS = 500;
  private static final long MAX_DELAY_MILLIS = 30_000;
  private static final long DEAD_PEER_CHECK_MILLIS = 60_000;

  private final FailStore store;
  private final DeadLetterStore deadLetters;
  private final Class<T> type;
  private final int batchSize;
  private final long maxBatchBytes;
  private final Sender<T> send;
  private final Function<T, String> describe;
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
   * A re-sender without a byte limit whose receiver never refuses an entry for good; unreadable
   * entries are still moved to the dead letters (opened next to {@code store}).
   *
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
    this(
        name,
        store,
        openDeadLetters(store),
        type,
        batchSize,
        Long.MAX_VALUE,
        batch -> send.test(batch) ? Outcome.taken() : Outcome.retryLater(batch.size(), null),
        String::valueOf,
        isMaster,
        events);
  }

  /**
   * @param deadLetters where entries that can never be sent go; closed with this re-sender
   * @param maxBatchBytes the most stored bytes of one batch (a larger entry goes alone)
   * @param describe names a value in log lines and events (e.g. a job's task id and group)
   */
  public FailStoreResender(
      String name,
      FailStore store,
      DeadLetterStore deadLetters,
      Class<T> type,
      int batchSize,
      long maxBatchBytes,
      Sender<T> send,
      Function<T, String> describe,
      BooleanSupplier isMaster,
      NodeEvents events) {
    this.name = name;
    this.task = "FailStore re-send " + name;
    this.events = events;
    this.background = new Background(events, FailStoreResender.class);
    this.store = store;
    this.deadLetters = deadLetters;
    this.type = type;
    this.batchSize = batchSize;
    this.maxBatchBytes = maxBatchBytes;
    this.send = send;
    this.describe = describe;
    this.isMaster = isMaster;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory(name, true));
    scheduler.schedule(this::round, MIN_DELAY_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The dead letters next to {@code store}; {@code store} is closed when they cannot be opened. */
  public static DeadLetterStore openDeadLetters(FailStore store) {
    try {
      return new DeadLetterStore(FailStores.openDeadLetters(store), Clock.systemUTC());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
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
      FailStores.drainDeadPeers(deadLetters.store(), this::takeLetters);
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

  /** A dead peer's dead letters become this node's, unchanged. */
  private void takeLetters(FailStore peer) {
    for (List<FailStoreEntry> page = peer.oldest(batchSize);
        !page.isEmpty();
        page = peer.oldest(batchSize)) {
      deadLetters.store().putAll(page.stream().map(FailStoreEntry::value).toList());
      peer.delete(page.stream().map(FailStoreEntry::key).toList());
    }
  }

  private boolean sendFrom(FailStore from) {
    for (int round = 0; round < 10_000; round++) {
      List<FailStoreEntry> entries = fitting(from.oldest(batchSize));
      if (entries.isEmpty()) {
        return true;
      }
      List<T> values = new ArrayList<>(entries.size());
      List<FailStoreEntry> read = new ArrayList<>(entries.size());
      List<FailStoreEntry> unreadable = new ArrayList<>();
      List<String> unreadableWhy = new ArrayList<>();
      for (FailStoreEntry entry : entries) {
        try {
          T value = entry.value(type);
          if (value == null) {
            throw new LtsException("the entry holds JSON null");
          }
          values.add(value);
          read.add(entry);
        } catch (RuntimeException e) {
          unreadable.add(entry);
          unreadableWhy.add("unreadable entry: " + e.getMessage());
        }
      }
      if (!unreadable.isEmpty()) {
        moveAside(
            from,
            unreadable,
            unreadableWhy,
            unreadable.stream().map(e -> "entry " + e.key()).toList());
      }
      if (values.isEmpty()) {
        continue;
      }
      // A send that throws ends the round; the round's runner logs and counts it.
      Outcome outcome = send.send(values);
      List<FailStoreEntry> refused = new ArrayList<>();
      List<String> why = new ArrayList<>();
      List<String> what = new ArrayList<>();
      List<String> taken = new ArrayList<>();
      for (int i = 0; i < read.size(); i++) {
        String reason = outcome.refused().get(i);
        if (reason != null) {
          refused.add(read.get(i));
          why.add(reason);
          what.add(describe.apply(values.get(i)));
        } else if (!outcome.notTaken().contains(i)) {
          taken.add(read.get(i).key());
        }
      }
      if (!refused.isEmpty()) {
        moveAside(from, refused, why, what);
      }
      from.delete(taken);
      if (!outcome.notTaken().isEmpty()) {
        if (!refused.isEmpty() || !unreadable.isEmpty() || !taken.isEmpty()) {
          continue; // progress: the rest goes again at once
        }
        if (outcome.cause() != null) {
          throw outcome.cause();
        }
        return false;
      }
    }
    return from.count() == 0;
  }

  /** The oldest entries that fit in {@code maxBatchBytes}; at least one. */
  private List<FailStoreEntry> fitting(List<FailStoreEntry> entries) {
    long bytes = 0;
    for (int i = 0; i < entries.size(); i++) {
      bytes += entries.get(i).value().length + 1L;
      if (bytes > maxBatchBytes && i > 0) {
        return entries.subList(0, i);
      }
    }
    return entries;
  }

  /** Dead-letters the entries (written before they leave {@code from}, so a crash loses none). */
  private void moveAside(
      FailStore from, List<FailStoreEntry> entries, List<String> reasons, List<String> whats) {
    deadLetters.putAll(entries.stream().map(FailStoreEntry::value).toList(), reasons);
    from.delete(entries.stream().map(FailStoreEntry::key).toList());
    for (int i = 0; i < entries.size(); i++) {
      log.warn(
          "{} can never be sent; moved from FailStore {} to its dead letters ({}): {}",
          whats.get(i),
          name,
          deadLetters.store().folder(),
          reasons.get(i));
      events.publish(new NodeEvent.FailStoreDeadLetter(name, whats.get(i), reasons.get(i)));
    }
  }

  /** Keeps values to send later (all or nothing), and tries soon. */
  public void putAll(List<byte[]> values) {
    store.putAll(values);
    reportBacklog();
    wakeUp();
  }

  /** Where entries that can never be sent are kept. */
  public DeadLetterStore deadLetters() {
    return deadLetters;
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
    try {
      store.close();
    } finally {
      deadLetters.close();
    }
  }
}
