package com.lts.tasktracker.logger;

/**
 * Writes business log lines for the job that is running; they reach the job's log in the
 * JobTracker's store, next to its lifecycle events, and LTS Admin shows them. Get one with {@link
 * LtsLoggerFactory#getBizLogger()} inside a runner, or from {@code JobContext#getBizLogger()}.
 */
public interface BizLogger {

  void debug(String msg);

  void info(String msg);

  void error(String msg);
}
