package com.lts.core.internal.background;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Stopping background executors before what their work uses (a store, a connection) closes. */
public final class Shutdowns {

  private Shutdowns() {}

  /**
   * Interrupts {@code executor}'s work and waits until the work in progress has ended, at most
   * {@code millis}: closing a store under a run in progress would turn a clean stop into errors.
   *
   * @return whether it ended in time
   */
  public static boolean stopAndWait(ExecutorService executor, long millis) {
    executor.shutdownNow();
    return await(executor, millis);
  }

  /** {@link #stopAndWait} without interrupting: work already queued still runs. */
  public static boolean finishAndWait(ExecutorService executor, long millis) {
    executor.shutdown();
    return await(executor, millis);
  }

  private static boolean await(ExecutorService executor, long millis) {
    try {
      return executor.awaitTermination(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
