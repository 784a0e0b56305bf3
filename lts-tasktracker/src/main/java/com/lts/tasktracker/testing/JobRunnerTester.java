package com.lts.tasktracker.testing;

import com.lts.core.domain.Action;
import com.lts.core.domain.BizLog;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import com.lts.tasktracker.internal.JobBizLogger;
import com.lts.tasktracker.internal.JobRunnerInvoker;
import com.lts.tasktracker.runner.JobRunner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs your {@link JobRunner} the way a TaskTracker would — same result mapping, same business
 * logger — without a cluster, so you can unit-test it:
 *
 * <pre>{@code
 * JobRunnerTester.Run run = JobRunnerTester.run(new MyRunner(), job);
 * assertEquals(Action.EXECUTE_SUCCESS, run.action());
 * assertEquals("done", run.bizLogs().get(0).getMsg());
 * }</pre>
 */
public final class JobRunnerTester {

  private JobRunnerTester() {}

  /** Runs {@code job} once as its first attempt. */
  public static Run run(JobRunner runner, Job job) {
    JobMeta meta = new JobMeta("test-" + job.getTaskId(), 1, job);
    return run(runner, meta);
  }

  /** Runs one dispatch as described by {@code meta} (attempt, retry count, repeat count...). */
  public static Run run(JobRunner runner, JobMeta meta) {
    Clock clock = Clock.systemUTC();
    List<BizLog> lines = Collections.synchronizedList(new ArrayList<>());
    JobBizLogger logger = new JobBizLogger(meta, "tester", BizLog.Level.DEBUG, clock, lines::add);
    JobRunResult result = new JobRunnerInvoker(m -> runner, clock).invoke(meta, logger);
    return new Run(result, List.copyOf(lines));
  }

  /** What one run produced. */
  public record Run(JobRunResult result, List<BizLog> bizLogs) {

    public Action action() {
      return result.getAction();
    }

    public String msg() {
      return result.getMsg();
    }
  }
}
