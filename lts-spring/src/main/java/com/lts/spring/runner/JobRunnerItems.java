package com.lts.spring.runner;

import com.lts.core.domain.Job;
import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunnerDefinitionException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/** Finds and checks the {@link JobRunnerItem} methods of a context's beans. */
public final class JobRunnerItems {

  private JobRunnerItems() {}

  /**
   * The {@link JobRunnerItem} methods of every singleton bean that serve TaskTrackers of {@code
   * nodeGroup}, by kind.
   *
   * @throws JobRunnerDefinitionException for a method whose parameters or return type cannot be
   *     run, or two methods for one kind
   */
  public static Map<String, JobRunnerMethod> find(ListableBeanFactory beans, String nodeGroup) {
    Map<String, JobRunnerMethod> byKind = new TreeMap<>();
    for (String name : beans.getBeanNamesForType(Object.class, false, false)) {
      Class<?> type = beans.getType(name, false);
      if (type == null) {
        continue;
      }
      Map<Method, JobRunnerItem> methods =
          MethodIntrospector.selectMethods(
              ClassUtils.getUserClass(type),
              (MethodIntrospector.MetadataLookup<JobRunnerItem>)
                  method ->
                      AnnotatedElementUtils.findMergedAnnotation(method, JobRunnerItem.class));
      for (Map.Entry<Method, JobRunnerItem> entry : methods.entrySet()) {
        JobRunnerItem item = entry.getValue();
        if (!item.nodeGroup().isEmpty() && !item.nodeGroup().equals(nodeGroup)) {
          continue;
        }
        Method method = entry.getKey();
        check(method);
        Object bean = beans.getBean(name);
        // The method as the bean (maybe an AOP proxy) can be invoked with.
        Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
        ReflectionUtils.makeAccessible(invocable);
        JobRunnerMethod runner =
            new JobRunnerMethod(item.value(), bean, invocable, describe(method));
        JobRunnerMethod before = byKind.putIfAbsent(item.value(), runner);
        if (before != null) {
          throw new JobRunnerDefinitionException(
              "Two @JobRunnerItem methods for job kind '"
                  + item.value()
                  + "': "
                  + before.description()
                  + " and "
                  + runner.description()
                  + "; give each kind one method");
        }
      }
    }
    return byKind;
  }

  static void check(Method method) {
    Class<?> returns = method.getReturnType();
    if (returns != void.class && returns != Result.class) {
      throw new JobRunnerDefinitionException(
          "@JobRunnerItem method "
              + describe(method)
              + " returns "
              + returns.getName()
              + ": a job runner method returns com.lts.core.domain.Result or void (void means"
              + " success)");
    }
    int jobs = 0;
    int contexts = 0;
    for (Class<?> parameter : method.getParameterTypes()) {
      if (parameter == Job.class) {
        jobs++;
      } else if (parameter == JobContext.class) {
        contexts++;
      } else {
        throw new JobRunnerDefinitionException(
            "@JobRunnerItem method "
                + describe(method)
                + " takes a "
                + parameter.getName()
                + ": a job runner method takes com.lts.core.domain.Job and/or"
                + " com.lts.tasktracker.runner.JobContext only");
      }
    }
    if (jobs > 1 || contexts > 1) {
      throw new JobRunnerDefinitionException(
          "@JobRunnerItem method " + describe(method) + " takes the same parameter type twice");
    }
  }

  private static String describe(Method method) {
    return method.getDeclaringClass().getName() + "." + method.getName() + "()";
  }
}
