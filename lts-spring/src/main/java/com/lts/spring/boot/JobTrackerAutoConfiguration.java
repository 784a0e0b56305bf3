package com.lts.spring.boot;

import com.lts.jobtracker.JobTracker;
import com.lts.jobtracker.maintenance.OldDataHandler;
import com.lts.spring.JobTrackerFactoryBean;
import java.time.Duration;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A JobTracker from {@code lts.jobtracker.*} when lts-jobtracker is on the classpath and some such
 * property is set, unless the application defines its own JobTracker.
 */
@AutoConfiguration
@ConditionalOnClass(name = "com.lts.jobtracker.JobTracker")
@ConditionalOnLtsRole("jobtracker")
public class JobTrackerAutoConfiguration {

  static final Set<String> OPTIONS = Set.of("enabled");

  @Bean
  @ConditionalOnMissingBean(JobTracker.class)
  public static JobTrackerFactoryBean ltsJobTracker(
      Environment environment, ObjectProvider<OldDataHandler> oldDataHandler) {
    RoleProperties properties = RoleProperties.bind(environment, "jobtracker", OPTIONS);
    JobTrackerFactoryBean factory = new JobTrackerFactoryBean();
    factory.setProperties(properties.node());
    oldDataHandler.ifAvailable(factory::setOldDataHandler);
    return factory;
  }

  /** The JobTracker's health, with whether its store answers. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "ltsJobTrackerHealthIndicator")
    LtsNodeHealthIndicator ltsJobTrackerHealthIndicator(
        JobTracker jobTracker, ObjectProvider<JobTrackerFactoryBean> factory) {
      JobTrackerFactoryBean owner = factory.getIfAvailable();
      return new LtsNodeHealthIndicator(
          jobTracker, owner == null ? null : owner::getStore, Duration.ofSeconds(2));
    }
  }
}
