package com.lts.jobtracker.internal.schedule;

import java.util.OptionalLong;

/** The instants of a cron or repeat schedule, in epoch milliseconds. */
public interface ScheduleTimes {

  /** The first instant strictly after {@code time}, if the schedule has one. */
  OptionalLong nextAfter(long time);

  /** The last instant at or before {@code time} and strictly after {@code after}, if any. */
  OptionalLong latestIn(long after, long time);
}
