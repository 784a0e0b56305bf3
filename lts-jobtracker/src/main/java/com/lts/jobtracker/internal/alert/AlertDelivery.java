package com.lts.jobtracker.internal.alert;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alerts to every notifier on a thread of its own, trying each again with back-off while it
 * fails, so a slow or failing receiver never holds up the master's checks or scheduling. Alerts
 * beyond what waits ({@link #CAPACITY}) are dropped with a warning.
 */
final class AlertDelivery implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);
  static final int CAPACITY = 100;

  private final List<Notifier> notifiers;
  private final int retries;
  private final long firstBackoffMillis;
  private final ThreadPoolExecutor executor;

  AlertDelivery(List<Notifier> notifiers, int retries, long firstBackoffMillis, String identity) {
    this.notifiers = List.copyOf(notifiers);
    this.retries = retries;
    this.firstBackoffMillis = firstBackoffMillis;
    this.executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(CAPACITY),
            r -> {
              Thread thread = new Thread(r, "lts-alerts-" + identity);
              thread.setDaemon(true);
              return thread;
            });
  }

  boolean hasNotifiers() {
    return !notifiers.isEmpty();
  }

  void deliver(Alert alert) {
    log.info("Alert: {}", alert.headline());
    try {
      executor.execute(() -> notifiers.forEach(n -> sendWithRetries(n, alert)));
    } catch (RejectedExecutionException e) {
      if (!executor.isShutdown()) {
        log.warn("Alert dropped, {} alerts are waiting to be sent: {}", CAPACITY, alert.headline());
      }
    }
  }

  private void sendWithRetries(Notifier notifier, Alert alert) {
    long backoff = firstBackoffMillis;
    for (int attempt = 0; ; attempt++) {
      try {
        notifier.send(alert);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) { // a receiver's failure of any kind: try again, then give up
        if (attempt >= retries) {
          log.warn(
              "Alert not delivered to {} after {} attempts ({}): {}",
              notifier,
              attempt + 1,
              e.toString(),
              alert.headline());
          return;
        }
        log.info("Alert to {} failed ({}); trying again in {} ms", notifier, e, backoff);
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff = Math.min(backoff * 2, 60_000);
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
