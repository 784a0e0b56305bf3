package com.lts.core.domain;

/**
 * What a cron or repeat schedule does about instants that passed while no JobTracker could fire
 * them.
 */
public enum MisfirePolicy {
  /** Fire once, at once, for the latest missed instant; then go on with the schedule. */
  FIRE_ONCE_NOW,
  /** Fire nothing for the missed instants; go on with the next instant. */
  SKIP
}
