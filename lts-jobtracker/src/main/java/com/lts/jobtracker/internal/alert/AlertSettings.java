package com.lts.jobtracker.internal.alert;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import java.time.Duration;

/** The alert rules' thresholds (0: rule off), as configured. */
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
    return new AlertSettings(
        config.get(ConfigKeys.ALERT_WINDOW),
        config.get(ConfigKeys.ALERT_JOB_FAILED),
        config.get(ConfigKeys.ALERT_DEAD_LETTERED),
        config.get(ConfigKeys.ALERT_JOB_LATE),
        config.get(ConfigKeys.ALERT_QUEUE_DEPTH),
        config.get(ConfigKeys.ALERT_FAILSTORE_BACKLOG),
        config.get(ConfigKeys.ALERT_FEEDBACK_BACKLOG),
        config.get(ConfigKeys.ALERT_BACKGROUND_ERRORS),
        config.get(ConfigKeys.ALERT_NODE_LOST),
        config.get(ConfigKeys.ALERT_QUIET_PERIOD));
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
