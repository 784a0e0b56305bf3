package com.lts.tasktracker.logger;

import com.lts.core.LtsException;

/**
 * Gives a running {@code JobRunner} the {@link BizLogger} of its job, as LTS did. Only valid on the
 * thread that runs the job.
 */
public final class LtsLoggerFactory {

  private static final ThreadLocal<BizLogger> CURRENT = new ThreadLocal<>();

  private LtsLoggerFactory() {}

  /**
   * The business logger of the job running on this thread.
   *
   * @throws LtsException when called outside a running job
   */
  public static BizLogger getBizLogger() {
    BizLogger logger = CURRENT.get();
    if (logger == null) {
      throw new LtsException(
          "LtsLoggerFactory.getBizLogger() was called outside a running job; call it from"
              + " JobRunner.run on the thread that runs the job, or use JobContext.getBizLogger()");
    }
    return logger;
  }

  /** Binds {@code logger} to this thread while a job runs; close the scope when it ends. */
  public static Scope bind(BizLogger logger) {
    BizLogger previous = CURRENT.get();
    CURRENT.set(logger);
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** Undoes a {@link #bind}. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
