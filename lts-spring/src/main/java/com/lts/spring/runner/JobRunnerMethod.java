package com.lts.spring.runner;

import com.lts.core.domain.Job;
import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** One {@link JobRunnerItem} method of a bean, run as a {@link JobRunner}. */
public final class JobRunnerMethod implements JobRunner {

  private final String kind;
  private final Object bean;
  private final Method method;
  private final String description;

  JobRunnerMethod(String kind, Object bean, Method method, String description) {
    this.kind = kind;
    this.bean = bean;
    this.method = method;
    this.description = description;
  }

  public String kind() {
    return kind;
  }

  /** The method, as {@code class.method()}. */
  public String description() {
    return description;
  }

  @Override
  public Result run(JobContext context) throws Throwable {
    Class<?>[] types = method.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = types[i] == Job.class ? context.getJob() : context;
    }
    try {
      return (Result) method.invoke(bean, args); // null (void) is success
    } catch (InvocationTargetException e) {
      throw e.getCause(); // the job's own exception, reported as EXECUTE_EXCEPTION
    }
  }

  @Override
  public String toString() {
    return "JobRunnerMethod{" + kind + " -> " + description + "}";
  }
}
