package com.lts.core.store.internal;

import com.lts.core.domain.Job;

/**
 * Where a schedule's planning restarts after an edit removed its waiting instances, so that the
 * instants those instances stood for are planned again with the new fields. The planner takes the
 * schedule's trigger time as its last created instant (or, before the first instance, as the first
 * instant itself), so the rewound time makes the earliest removed instant the next one it
 * considers.
 */
public final class ScheduleRewind {

  private ScheduleRewind() {}

  /**
   * @param edited the schedule as edited
   * @param repeatedCountAfter its created-instance count once the removed ones are subtracted
   * @param firstRemoved the earliest trigger time among the removed waiting instances
   */
  public static long triggerTime(Job edited, int repeatedCountAfter, long firstRemoved) {
    if (repeatedCountAfter <= 0) {
      return firstRemoved;
    }
    return edited.isCron() ? firstRemoved - 1 : firstRemoved - edited.getRepeatInterval();
  }
}
