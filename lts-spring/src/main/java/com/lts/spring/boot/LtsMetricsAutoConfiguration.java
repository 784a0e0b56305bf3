package com.lts.spring.boot;

import com.lts.spring.LtsNodeCustomizer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds every LTS node of the application to its {@link MeterRegistry} (the one Spring Boot's
 * metrics make, or the application's own), so {@code lts.*} meters show up with the app's other
 * meters and on its Prometheus endpoint. The registry is looked up when a node starts, after every
 * bean exists, so this needs no ordering against Boot's metrics auto-configuration; without a
 * registry the nodes keep their meters to themselves.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class LtsMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "ltsMeterRegistryCustomizer")
  public LtsNodeCustomizer ltsMeterRegistryCustomizer(ObjectProvider<MeterRegistry> registries) {
    return node -> registries.ifUnique(node::setMeterRegistry);
  }
}
