package com.lts.tasktracker;

import com.lts.core.cluster.NodeType;
import com.lts.core.domain.BizLog;
import com.lts.core.node.AbstractNode;
import com.lts.core.node.NodeContext;
import com.lts.core.node.RoleRuntime;
import com.lts.tasktracker.internal.ClassRunnerFactory;
import com.lts.tasktracker.internal.TaskTrackerRuntime;
import com.lts.tasktracker.runner.JobRunner;
import com.lts.tasktracker.runner.JobRunnerDefinitionException;
import com.lts.tasktracker.runner.RunnerFactory;

/**
 * Runs jobs of its node group with your {@link JobRunner} on its own thread pool.
 *
 * <pre>{@code
 * TaskTracker taskTracker = new TaskTracker();
 * taskTracker.setJobRunnerClass(MyJobRunner.class);
 * taskTracker.setRegistryAddress("zookeeper://127.0.0.1:2181");
 * taskTracker.setNodeGroup("test_trade_TaskTracker");
 * taskTracker.setWorkThreads(20);
 * taskTracker.start();
 * }</pre>
 *
 * <p>{@link #stop()} stops taking jobs, lets running ones finish (up to {@link
 * #setStopTimeoutMillis}), reports their results, then leaves the cluster.
 */
public class TaskTracker extends AbstractNode {

  private RunnerFactory runnerFactory;
  private BizLog.Level bizLoggerLevel = BizLog.Level.INFO;
  private long stopTimeoutMillis = 30_000;

  public TaskTracker() {
    super(NodeType.TASK_TRACKER);
  }

  /** The runner class; a new instance runs each job. Checked here, so a bad class fails at once. */
  public void setJobRunnerClass(Class<? extends JobRunner> jobRunnerClass) {
    this.runnerFactory = new ClassRunnerFactory(jobRunnerClass);
  }

  /** Makes the runner of each job, e.g. from a dependency injection container. */
  public void setRunnerFactory(RunnerFactory runnerFactory) {
    this.runnerFactory = runnerFactory;
  }

  /** The group whose jobs this TaskTracker runs (a job's {@code taskTrackerNodeGroup}). */
  public void setNodeGroup(String nodeGroup) {
    setNodeGroupInternal(nodeGroup);
  }

  /** How many jobs run at once; default 64. */
  public void setWorkThreads(int workThreads) {
    setWorkThreadsInternal(workThreads);
  }

  /** Business log lines below this level are not sent; default INFO. */
  public void setBizLoggerLevel(BizLog.Level level) {
    this.bizLoggerLevel = level;
  }

  /** How long {@link #stop()} lets running jobs finish before interrupting them; default 30 s. */
  public void setStopTimeoutMillis(long stopTimeoutMillis) {
    this.stopTimeoutMillis = stopTimeoutMillis;
  }

  @Override
  protected RoleRuntime startRole(NodeContext context) {
    if (runnerFactory == null) {
      throw new JobRunnerDefinitionException(
          "TaskTracker needs a runner: call setJobRunnerClass(...) or setRunnerFactory(...) before"
              + " start()");
    }
    return new TaskTrackerRuntime(context, runnerFactory, bizLoggerLevel, stopTimeoutMillis);
  }

  /** Threads free for new jobs now; only while started. */
  public int getAvailableThreads() {
    return ((TaskTrackerRuntime) role()).availableThreads();
  }
}
