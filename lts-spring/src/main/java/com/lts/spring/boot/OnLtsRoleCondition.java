package com.lts.spring.boot;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The condition of {@link ConditionalOnLtsRole}. */
final class OnLtsRoleCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    String role =
        (String)
            metadata.getAnnotationAttributes(ConditionalOnLtsRole.class.getName()).get("value");
    String prefix = "lts." + role;
    Map<String, String> properties =
        Binder.get(context.getEnvironment())
            .bind(prefix, Bindable.mapOf(String.class, String.class))
            .orElse(Map.of());
    if (properties.isEmpty()) {
      return ConditionOutcome.noMatch("no " + prefix + ".* property is set");
    }
    if ("false".equalsIgnoreCase(String.valueOf(properties.get("enabled")).trim())) {
      return ConditionOutcome.noMatch(prefix + ".enabled is false");
    }
    return ConditionOutcome.match(prefix + ".* properties are set");
  }
}
