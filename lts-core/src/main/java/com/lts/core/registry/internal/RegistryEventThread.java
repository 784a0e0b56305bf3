package com.lts.core.registry.internal;

import com.lts.core.internal.background.Background;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread per registry that runs listener callbacks, so they see events in order and never
 * block the client library's own threads (Curator's event thread, Jedis's subscriber).
 */
public final class RegistryEventThread implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RegistryEventThread.class);
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final ExecutorService executor;

  private final Background background;

  public RegistryEventThread(String name, Background background) {
    this.background = background;
    this.executor =
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@code task} on the event thread after everything posted before; dropped once closed. */
  public void post(Runnable task) {
    try {
      // A failing listener must not stop the events of every other listener.
      executor.execute(background.guard("registry listeners", task));
    } catch (RejectedExecutionException closed) {
      log.debug("Registry event dropped after close");
    }
  }

  /** Runs the events already posted, then stops. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        log.warn("Registry listeners still busy after {} ms; interrupting", CLOSE_WAIT_MILLIS);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
