package com.lts.spring.boot;

import com.lts.core.domain.BizLog;
import com.lts.spring.TaskTrackerFactoryBean;
import com.lts.tasktracker.TaskTracker;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A TaskTracker from {@code lts.tasktracker.*} when lts-tasktracker is on the classpath and some
 * such property is set, unless the application defines its own TaskTracker. Its runner is the
 * application's one {@code JobRunner} bean or its {@code @JobRunnerItem} methods (see {@link
 * TaskTrackerFactoryBean}).
 *
 * <p>At shutdown it lets running jobs finish for {@code lts.tasktracker.stop-timeout-millis}, by
 * default one second less than Spring's {@code spring.lifecycle.timeout-per-shutdown-phase} (30 s),
 * so jobs end and their results are reported within Spring's shutdown phase.
 */
@AutoConfiguration(after = JobTrackerAutoConfiguration.class)
@ConditionalOnClass(name = "com.lts.tasktracker.TaskTracker")
@ConditionalOnLtsRole("tasktracker")
public class TaskTrackerAutoConfiguration {

  static final Set<String> OPTIONS =
      Set.of(
          "enabled",
          "shard-field",
          "biz-logger-level",
          "job-runner-bean-name",
          "stop-timeout-millis");

  @Bean
  @ConditionalOnMissingBean(TaskTracker.class)
  public static TaskTrackerFactoryBean ltsTaskTracker(Environment environment) {
    RoleProperties properties = RoleProperties.bind(environment, "tasktracker", OPTIONS);
    TaskTrackerFactoryBean factory = new TaskTrackerFactoryBean();
    factory.setProperties(properties.node());
    String shardField = properties.option("shard-field", text -> text);
    if (shardField != null) {
      factory.setShardField(shardField);
    }
    BizLog.Level level =
        properties.option(
            "biz-logger-level", text -> BizLog.Level.valueOf(text.toUpperCase(Locale.ROOT)));
    if (level != null) {
      factory.setBizLoggerLevel(level);
    }
    String runnerBean = properties.option("job-runner-bean-name", text -> text);
    if (runnerBean != null) {
      factory.setJobRunnerBeanName(runnerBean);
    }
    factory.setStopTimeoutMillis(stopTimeoutMillis(environment, properties));
    return factory;
  }

  private static long stopTimeoutMillis(Environment environment, RoleProperties properties) {
    Long given = properties.option("stop-timeout-millis", Long::valueOf);
    if (given != null) {
      return given;
    }
    Duration phase =
        environment.getProperty(
            "spring.lifecycle.timeout-per-shutdown-phase", Duration.class, Duration.ofSeconds(30));
    return Math.max(1_000, phase.toMillis() - 1_000);
  }

  /** The TaskTracker's health. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "ltsTaskTrackerHealthIndicator")
    LtsNodeHealthIndicator ltsTaskTrackerHealthIndicator(TaskTracker taskTracker) {
      return new LtsNodeHealthIndicator(taskTracker, null, Duration.ofSeconds(2));
    }
  }
}
