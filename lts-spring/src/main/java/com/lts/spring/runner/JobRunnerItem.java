package com.lts.spring.runner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as the runner of one kind of job: a TaskTracker made by {@code
 * TaskTrackerFactoryBean} (or the Boot starter) without a {@code JobRunner} of its own runs each
 * job with the method whose {@link #value()} equals the job's kind parameter ({@code type} unless
 * the TaskTracker's {@code shardField} names another).
 *
 * <p>The method takes any of {@link com.lts.core.domain.Job} and {@link
 * com.lts.tasktracker.runner.JobContext}, in any order (or nothing), and returns {@link
 * com.lts.core.domain.Result} or {@code void} — returning normally from a void method is success; a
 * thrown exception is {@code EXECUTE_EXCEPTION} and the job is retried while it has retries left.
 * Any other parameter or return type stops the context from starting, naming the method.
 *
 * <pre>{@code
 * @Component
 * class MailJobs {
 *   @JobRunnerItem("sendMail")
 *   void send(Job job) { mailer.send(job.getParam("to")); }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JobRunnerItem {

  /** The kind value that picks this method when no other method has the job's kind. */
  String DEFAULT = "_LTS_DEFAULT";

  /** The job kind this method runs: the value of the job's kind parameter. */
  String value();

  /** Only TaskTrackers of this node group use the method; empty (the default) means every one. */
  String nodeGroup() default "";
}
