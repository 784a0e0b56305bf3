package com.lts.spring;

import com.lts.core.domain.BizLog;
import com.lts.spring.runner.JobRunnerDispatcher;
import com.lts.spring.runner.JobRunnerItems;
import com.lts.spring.runner.JobRunnerMethod;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobRunner;
import com.lts.tasktracker.runner.JobRunnerDefinitionException;
import com.lts.tasktracker.runner.RunnerFactory;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * A {@link TaskTracker} bean, started with the context after the JobTracker. Stopping the context
 * stops it as {@link TaskTracker#stop()} does: no new jobs, running ones may finish for {@link
 * #setStopTimeoutMillis}.
 *
 * <p>Its runner is the first of:
 *
 * <ol>
 *   <li>{@link #setJobRunner a JobRunner bean} given, run for every job (so thread-safe);
 *   <li>{@link #setJobRunnerBeanName a bean name}, looked up for each job (a prototype bean is a
 *       new runner per job);
 *   <li>{@link #setJobRunnerClass a class}, made and autowired by the context for each job;
 *   <li>{@link #setRunnerFactory a RunnerFactory};
 *   <li>the context's one {@link JobRunner} bean;
 *   <li>the context's {@link com.lts.spring.runner.JobRunnerItem @JobRunnerItem} methods, picked by
 *       the job parameter {@link #setShardField shardField}.
 * </ol>
 */
public class TaskTrackerFactoryBean extends LtsNodeFactoryBean<TaskTracker> {

  private JobRunner jobRunner;
  private String jobRunnerBeanName;
  private Class<? extends JobRunner> jobRunnerClass;
  private RunnerFactory runnerFactory;
  private String shardField = JobRunnerDispatcher.DEFAULT_SHARD_FIELD;
  private BizLog.Level bizLoggerLevel;
  private Long stopTimeoutMillis;

  public void setNodeGroup(String nodeGroup) {
    setProperty("nodeGroup", nodeGroup);
  }

  public void setWorkThreads(int workThreads) {
    setProperty("workThreads", String.valueOf(workThreads));
  }

  public void setJobRunner(JobRunner jobRunner) {
    this.jobRunner = jobRunner;
  }

  public void setJobRunnerBeanName(String jobRunnerBeanName) {
    this.jobRunnerBeanName = jobRunnerBeanName;
  }

  public void setJobRunnerClass(Class<? extends JobRunner> jobRunnerClass) {
    this.jobRunnerClass = jobRunnerClass;
  }

  public void setRunnerFactory(RunnerFactory runnerFactory) {
    this.runnerFactory = runnerFactory;
  }

  /**
   * The job parameter whose value picks the {@code @JobRunnerItem} method; default {@code type}.
   */
  public void setShardField(String shardField) {
    this.shardField = shardField;
  }

  public void setBizLoggerLevel(BizLog.Level bizLoggerLevel) {
    this.bizLoggerLevel = bizLoggerLevel;
  }

  /** How long stopping lets running jobs finish before interrupting them; default 30 s. */
  public void setStopTimeoutMillis(long stopTimeoutMillis) {
    this.stopTimeoutMillis = stopTimeoutMillis;
  }

  @Override
  public Class<?> getObjectType() {
    return TaskTracker.class;
  }

  @Override
  protected TaskTracker newNode() {
    return new TaskTracker();
  }

  @Override
  protected void configureRole(TaskTracker node) {
    if (bizLoggerLevel != null) {
      node.setBizLoggerLevel(bizLoggerLevel);
    }
    if (stopTimeoutMillis != null) {
      node.setStopTimeoutMillis(stopTimeoutMillis);
    }
  }

  @Override
  public int getPhase() {
    return CLIENT_PHASE;
  }

  @Override
  protected void beforeStart(TaskTracker node) {
    node.setRunnerFactory(runnerFactory(node));
  }

  private RunnerFactory runnerFactory(TaskTracker node) {
    BeanFactory beans = beanFactory();
    if (jobRunner != null) {
      return meta -> jobRunner;
    }
    if (jobRunnerBeanName != null) {
      require(beans, BeanFactory.class, "jobRunnerBeanName")
          .getBean(jobRunnerBeanName, JobRunner.class);
      return meta -> beans.getBean(jobRunnerBeanName, JobRunner.class);
    }
    if (jobRunnerClass != null) {
      AutowireCapableBeanFactory factory =
          require(beans, AutowireCapableBeanFactory.class, "jobRunnerClass");
      return meta -> factory.createBean(jobRunnerClass);
    }
    if (runnerFactory != null) {
      return runnerFactory;
    }
    ListableBeanFactory context = require(beans, ListableBeanFactory.class, "a runner bean");
    String[] runnerBeans = context.getBeanNamesForType(JobRunner.class);
    if (runnerBeans.length == 1) {
      String name = runnerBeans[0];
      return meta -> context.getBean(name, JobRunner.class);
    }
    if (runnerBeans.length > 1) {
      throw new JobRunnerDefinitionException(
          "TaskTracker found "
              + runnerBeans.length
              + " JobRunner beans "
              + String.join(", ", runnerBeans)
              + " and cannot pick one: set jobRunnerBeanName, or run several job kinds with"
              + " @JobRunnerItem methods");
    }
    Map<String, JobRunnerMethod> items =
        JobRunnerItems.find(context, nodeProperties().setting("nodeGroup"));
    if (items.isEmpty()) {
      throw new JobRunnerDefinitionException(
          "TaskTracker has no runner: set jobRunner, jobRunnerBeanName, jobRunnerClass or"
              + " runnerFactory, declare one JobRunner bean, or annotate bean methods with"
              + " @JobRunnerItem");
    }
    JobRunnerDispatcher dispatcher = new JobRunnerDispatcher(shardField, items);
    return meta -> dispatcher;
  }

  private static <T> T require(BeanFactory beans, Class<T> type, String what) {
    if (type.isInstance(beans)) {
      return type.cast(beans);
    }
    throw new IllegalStateException(
        "TaskTrackerFactoryBean needs a Spring " + type.getSimpleName() + " to use " + what);
  }
}
