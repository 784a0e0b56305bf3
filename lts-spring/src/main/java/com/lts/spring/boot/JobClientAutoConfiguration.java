package com.lts.spring.boot;

import com.lts.jobclient.JobClient;
import com.lts.spring.JobClientFactoryBean;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A JobClient — a RetryJobClient unless {@code lts.jobclient.retry-client=false} — from {@code
 * lts.jobclient.*} when lts-jobclient is on the classpath and some such property is set, unless the
 * application defines its own JobClient. The application's one {@code JobCompletedHandler} bean
 * gets the results.
 */
@AutoConfiguration(after = JobTrackerAutoConfiguration.class)
@ConditionalOnClass(name = "com.lts.jobclient.JobClient")
@ConditionalOnLtsRole("jobclient")
public class JobClientAutoConfiguration {

  static final Set<String> OPTIONS = Set.of("enabled", "retry-client");

  @Bean
  @ConditionalOnMissingBean(JobClient.class)
  public static JobClientFactoryBean ltsJobClient(Environment environment) {
    RoleProperties properties = RoleProperties.bind(environment, "jobclient", OPTIONS);
    JobClientFactoryBean factory = new JobClientFactoryBean();
    factory.setUseRetryClient(properties.optionTrue("retry-client", true));
    factory.setProperties(properties.node());
    return factory;
  }

  /** The JobClient's health. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "ltsJobClientHealthIndicator")
    LtsNodeHealthIndicator ltsJobClientHealthIndicator(JobClient jobClient) {
      return new LtsNodeHealthIndicator(jobClient, null, Duration.ofSeconds(2));
    }
  }
}
