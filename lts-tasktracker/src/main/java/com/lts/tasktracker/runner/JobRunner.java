package com.lts.tasktracker.runner;

import com.lts.core.domain.Job;
import com.lts.core.domain.Result;

/**
 * Your job logic. Implement one of the two {@code run} methods:
 *
 * <ul>
 *   <li>{@code Result run(JobContext)} — the full form: return a {@link Result} (null means
 *       success);
 *   <li>{@code void run(Job)} — LTS 1.5's form: returning normally means success.
 * </ul>
 *
 * A thrown exception reports {@code EXECUTE_EXCEPTION} with the stack trace as the message, and the
 * job is retried while it has retries left. Runs may repeat after a TaskTracker dies mid-run, so
 * make them idempotent ({@link JobExtInfo#getAttempt()} tells runs apart).
 */
public interface JobRunner {

  default Result run(JobContext context) throws Throwable {
    run(context.getJob());
    return null;
  }

  default void run(Job job) throws Throwable {
    throw new JobRunnerDefinitionException(
        getClass().getName() + " implements neither run(JobContext) nor run(Job) of JobRunner");
  }
}
