package com.lts.jobtracker.internal.alert;

import com.lts.core.config.ConfigException;
import com.lts.core.config.ConfigKey;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;

/** The alert rules' thresholds (0: rule off), as configured or as an operator stored them. */
record AlertSettings(
    Duration window,
    int jobFailed,
    int deadLettered,
    Duration jobLate,
    long queueDepth,
    long failStoreBacklog,
    long feedbackBacklog,
    int backgroundErrors,
    boolean nodeLost,
    Duration quietPeriod) {

  static AlertSettings of(NodeConfig config) {
    return of(config, Map.of(), (key, problem) -> {});
  }

  /**
   * The rules as configured, each replaced by the operator's value in {@code overrides} (the
   * store's settings, by key name) when there is one; a stored value that does not parse is
   * reported to {@code bad} and the configured value used.
   */
  static AlertSettings of(
      NodeConfig config, Map<String, String> overrides, BiConsumer<String, String> bad) {
    Rules rules = new Rules(config, overrides, bad);
    return new AlertSettings(
        rules.get(ConfigKeys.ALERT_WINDOW),
        rules.get(ConfigKeys.ALERT_JOB_FAILED),
        rules.get(ConfigKeys.ALERT_DEAD_LETTERED),
        rules.get(ConfigKeys.ALERT_JOB_LATE),
        rules.get(ConfigKeys.ALERT_QUEUE_DEPTH),
        rules.get(ConfigKeys.ALERT_FAILSTORE_BACKLOG),
        rules.get(ConfigKeys.ALERT_FEEDBACK_BACKLOG),
        rules.get(ConfigKeys.ALERT_BACKGROUND_ERRORS),
        rules.get(ConfigKeys.ALERT_NODE_LOST),
        rules.get(ConfigKeys.ALERT_QUIET_PERIOD));
  }

  private record Rules(
      NodeConfig config, Map<String, String> overrides, BiConsumer<String, String> bad) {
    <T> T get(ConfigKey<T> key) {
      String stored = overrides.get(key.name());
      if (stored != null) {
        try {
          return key.parse(stored);
        } catch (ConfigException e) {
          bad.accept(key.name(), e.getMessage());
        }
      }
      return config.get(key);
    }
  }

  /** Whether any rule is on. */
  boolean anyRule() {
    return jobFailed > 0
        || deadLettered > 0
        || !jobLate.isZero()
        || queueDepth > 0
        || failStoreBacklog > 0
        || feedbackBacklog > 0
        || backgroundErrors > 0
        || nodeLost;
  }
}
