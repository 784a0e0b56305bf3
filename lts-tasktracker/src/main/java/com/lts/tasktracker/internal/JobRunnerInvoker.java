package com.lts.tasktracker.internal;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import com.lts.core.domain.Result;
import com.lts.tasktracker.logger.BizLogger;
import com.lts.tasktracker.logger.LtsLoggerFactory;
import com.lts.tasktracker.runner.InterruptibleJobRunner;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobExtInfo;
import com.lts.tasktracker.runner.JobRunner;
import com.lts.tasktracker.runner.RunnerFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;

/**
 * Runs one dispatch of a job on the calling thread and turns whatever happens into a {@link
 * JobRunResult}: a returned {@link Result} as is, {@code null} as success, a throwable as {@code
 * EXECUTE_EXCEPTION} with its stack trace.
 */
public final class JobRunnerInvoker {

  /** Longest message kept from a runner; stack traces beyond it are cut. */
  public static final int MAX_MESSAGE_LENGTH = 8_000;

  private final RunnerFactory runnerFactory;
  private final Clock clock;

  public JobRunnerInvoker(RunnerFactory runnerFactory, Clock clock) {
    this.runnerFactory = runnerFactory;
    this.clock = clock;
  }

  public JobRunResult invoke(JobMeta meta, BizLogger bizLogger) {
    long start = clock.millis();
    Action action;
    String msg;
    LtsLoggerFactory.Scope loggerScope = LtsLoggerFactory.bind(bizLogger);
    try {
      JobRunner runner = runnerFactory.newRunner(meta);
      if (runner instanceof InterruptibleJobRunner interruptible) {
        RunnerPool.whenTerminated(interruptible::interrupt);
      }
      JobContext context = new JobContext(new Job(meta.getJob()), JobExtInfo.of(meta), bizLogger);
      Result result = runner.run(context);
      action = result == null ? Action.EXECUTE_SUCCESS : result.getAction();
      msg = result == null ? null : result.getMsg();
    } catch (Throwable t) { // the root of user code: everything it throws is a job outcome
      if (t instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      action = Action.EXECUTE_EXCEPTION;
      msg = stackTrace(t);
    } finally {
      loggerScope.close();
    }
    return new JobRunResult(meta, action, truncate(msg), start, clock.millis());
  }

  static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }

  private static String truncate(String msg) {
    if (msg == null || msg.length() <= MAX_MESSAGE_LENGTH) {
      return msg;
    }
    return msg.substring(0, MAX_MESSAGE_LENGTH) + "... (" + msg.length() + " characters in all)";
  }
}
