package com.lts.core.internal.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects items from many threads and hands them to a sink in batches, on one thread of its own.
 * There is no waiting for a batch to fill: the drain thread takes whatever is queued (up to the
 * batch size) as soon as it is free, so a lone item goes out at once and batches grow by themselves
 * under load (group commit).
 *
 * <p>The sink must handle its own failures (e.g. keep the batch in a FailStore); whatever it throws
 * is logged and counted, and that batch is gone.
 */
public final class Batcher<T> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Batcher.class);

  private final String name;
  private final int maxBatchSize;
  private final BlockingQueue<T> queue;
  private final Consumer<List<T>> sink;
  private final Thread drainer;
  private final AtomicLong sinkFailures = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile boolean closed;

  /**
   * @param capacity most items waiting; {@link #offer} refuses more (back-pressure)
   */
  public Batcher(String name, int maxBatchSize, int capacity, Consumer<List<T>> sink) {
    if (maxBatchSize < 1 || capacity < 1) {
      throw new IllegalArgumentException("maxBatchSize and capacity must be at least 1");
    }
    this.name = name;
    this.maxBatchSize = maxBatchSize;
    this.queue = new LinkedBlockingQueue<>(capacity);
    this.sink = sink;
    this.drainer = new Thread(this::drainLoop, name + "-batcher");
    this.drainer.setDaemon(true);
    this.drainer.start();
  }

  /**
   * Queues one item.
   *
   * @return false when the batcher is full or closed; the caller keeps the item
   */
  public boolean offer(T item) {
    if (closed || !queue.offer(item)) {
      rejected.incrementAndGet();
      return false;
    }
    return true;
  }

  /**
   * Queues one item, waiting for room while the batcher is full (back pressure on the caller
   * instead of a lost item).
   *
   * @return false only when the batcher is closed (or the wait interrupted); the caller keeps the
   *     item
   */
  public boolean put(T item) {
    try {
      while (!closed) {
        if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    rejected.incrementAndGet();
    return false;
  }

  /** Items waiting to be handed to the sink. */
  public int pending() {
    return queue.size();
  }

  /** How many more items {@link #offer} would take now. */
  public int remainingCapacity() {
    return queue.remainingCapacity();
  }

  /** Batches whose sink call threw. */
  public long sinkFailures() {
    return sinkFailures.get();
  }

  /** Items refused by {@link #offer}. */
  public long rejected() {
    return rejected.get();
  }

  private void drainLoop() {
    List<T> batch = new ArrayList<>(maxBatchSize);
    while (!closed || !queue.isEmpty()) {
      try {
        T first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatchSize - 1);
        deliver(batch);
      } catch (InterruptedException e) {
        if (!closed) {
          log.warn("{} batcher interrupted while open; stopping", name);
        }
        break;
      } finally {
        batch = batch.isEmpty() ? batch : new ArrayList<>(maxBatchSize);
      }
    }
  }

  private void deliver(List<T> batch) {
    try {
      sink.accept(batch);
    } catch (RuntimeException e) {
      sinkFailures.incrementAndGet();
      log.error(
          "{}: a batch of {} items could not be delivered: {}",
          name,
          batch.size(),
          e.toString(),
          e);
    }
  }

  /** Stops taking items and delivers what is queued, waiting up to {@code timeoutMillis}. */
  public void close(long timeoutMillis) {
    closed = true;
    try {
      drainer.join(timeoutMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (drainer.isAlive()) {
      drainer.interrupt();
      log.warn("{} batcher closed with {} items undelivered", name, queue.size());
    }
  }

  @Override
  public void close() {
    close(10_000);
  }
}
