package com.lts.spring.runner;

import com.lts.core.domain.Action;
import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs each job with the {@link JobRunnerItem} method of its kind: the value of the job parameter
 * {@code shardField}, else the {@link JobRunnerItem#DEFAULT} method. A job of a kind no method runs
 * fails without retry, naming the kinds this TaskTracker knows.
 */
public final class JobRunnerDispatcher implements JobRunner {

  /** The job parameter that names a job's kind unless the TaskTracker says otherwise. */
  public static final String DEFAULT_SHARD_FIELD = "type";

  private final String shardField;
  private final Map<String, JobRunnerMethod> byKind;

  public JobRunnerDispatcher(String shardField, Map<String, JobRunnerMethod> byKind) {
    this.shardField = shardField;
    this.byKind = Collections.unmodifiableMap(new TreeMap<>(byKind));
  }

  @Override
  public Result run(JobContext context) throws Throwable {
    String kind = context.getJob().getParam(shardField);
    JobRunnerMethod method = kind == null ? null : byKind.get(kind);
    if (method == null) {
      method = byKind.get(JobRunnerItem.DEFAULT);
    }
    if (method == null) {
      return new Result(
          Action.EXECUTE_FAILED,
          "No @JobRunnerItem method for "
              + shardField
              + "="
              + kind
              + " on this TaskTracker; it runs "
              + byKind.keySet());
    }
    return method.run(context);
  }

  /** The kinds this dispatcher runs. */
  public Set<String> kinds() {
    return byKind.keySet();
  }
}
