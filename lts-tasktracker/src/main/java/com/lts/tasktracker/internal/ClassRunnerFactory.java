package com.lts.tasktracker.internal;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import com.lts.tasktracker.runner.JobRunnerDefinitionException;
import com.lts.tasktracker.runner.RunnerFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Makes a new instance of a {@link JobRunner} class for every run (what {@code setJobRunnerClass}
 * uses). The class is checked when the factory is made, so a TaskTracker with an unusable runner
 * class fails at start, not at its first job.
 */
public final class ClassRunnerFactory implements RunnerFactory {

  private final Constructor<? extends JobRunner> constructor;

  public ClassRunnerFactory(Class<? extends JobRunner> runnerClass) {
    if (runnerClass == null) {
      throw new JobRunnerDefinitionException("jobRunnerClass must be set");
    }
    if (runnerClass.isInterface() || Modifier.isAbstract(runnerClass.getModifiers())) {
      throw new JobRunnerDefinitionException(
          runnerClass.getName() + " is abstract; give a concrete JobRunner class");
    }
    if (!implementsRun(runnerClass)) {
      throw new JobRunnerDefinitionException(
          runnerClass.getName()
              + " implements neither run(JobContext) nor run(Job) of JobRunner; implement one");
    }
    try {
      this.constructor = runnerClass.getDeclaredConstructor();
      this.constructor.setAccessible(true);
    } catch (NoSuchMethodException | RuntimeException e) {
      throw new JobRunnerDefinitionException(
          runnerClass.getName()
              + " needs a constructor without arguments (for runners with dependencies use"
              + " setRunnerFactory)",
          e);
    }
    if (runnerClass.getEnclosingClass() != null && !Modifier.isStatic(runnerClass.getModifiers())) {
      throw new JobRunnerDefinitionException(
          runnerClass.getName() + " is an inner class; make it static or top-level");
    }
  }

  private static boolean implementsRun(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (declares(c, JobContext.class) || declares(c, Job.class)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declares(Class<?> c, Class<?> parameterType) {
    try {
      c.getDeclaredMethod("run", parameterType);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  @Override
  public JobRunner newRunner(JobMeta jobMeta) {
    try {
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new JobRunnerDefinitionException(
          "Constructor of " + constructor.getDeclaringClass().getName() + " threw", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new JobRunnerDefinitionException(
          "Cannot create " + constructor.getDeclaringClass().getName(), e);
    }
  }
}
