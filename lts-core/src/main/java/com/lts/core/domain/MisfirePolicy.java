package com.lts.core.domain;

/**
 * What a cron or repeat schedule does about the instants that passed while no JobTracker could fire
 * them (all JobTrackers down, the schedule's group without a master, a long pause). One-time jobs
 * ignore it: a late one-time job simply runs as soon as it can.
 */
public enum MisfirePolicy {

  /**
   * Fire once, at once, for the latest missed instant, then continue with the next instant; the
   * earlier missed instants are dropped. The default, and what LTS always did.
   */
  FIRE_ONCE_NOW,

  /** Fire none of the missed instants; continue with the next instant that lies in the future. */
  SKIP
}
