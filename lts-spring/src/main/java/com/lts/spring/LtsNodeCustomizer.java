package com.lts.spring;

import com.lts.core.node.AbstractNode;

/**
 * Changes every LTS node a factory bean of the context makes, just before it starts: a bean of this
 * type is how an application (or an auto-configuration, e.g. one binding meters to the app's
 * registry) adds to all nodes at once.
 */
@FunctionalInterface
public interface LtsNodeCustomizer {

  void customize(AbstractNode node);
}
