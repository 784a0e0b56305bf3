package com.lts.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when some property under {@code lts.<role>.} is set and {@code lts.<role>.enabled} is not
 * {@code false}: a role runs in an application only when it is configured.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnLtsRoleCondition.class)
@interface ConditionalOnLtsRole {

  /** {@code jobclient}, {@code jobtracker} or {@code tasktracker}. */
  String value();
}
