package com.lts.jobtracker.internal.schedule;

import java.text.ParseException;
import java.util.Date;
import java.util.OptionalLong;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The instants of a Quartz cron expression (with seconds) in a time zone. Across a daylight saving
 * change Quartz's rules apply: a wall-clock time that does not exist that day is skipped, and one
 * that exists twice fires once.
 */
public final class CronTimes implements ScheduleTimes {

  /** Windows searched, smallest first, for the latest missed instant: a minute up to a year. */
  private static final long[] LOOKBACK_MILLIS = {
    60_000L, 3_600_000L, 86_400_000L, 32L * 86_400_000L, 367L * 86_400_000L
  };

  private final CronExpression expression;

  public CronTimes(String cronExpression, TimeZone zone) {
    try {
      this.expression = new CronExpression(cronExpression);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "'" + cronExpression + "' is not a valid Quartz cron expression: " + e.getMessage(), e);
    }
    this.expression.setTimeZone(zone);
  }

  @Override
  public OptionalLong nextAfter(long time) {
    Date next = expression.getNextValidTimeAfter(new Date(time));
    return next == null ? OptionalLong.empty() : OptionalLong.of(next.getTime());
  }

  @Override
  public OptionalLong latestIn(long after, long time) {
    if (time <= after) {
      return OptionalLong.empty();
    }
    // Quartz only walks forwards; search back in growing windows so a frequent schedule missed
    // for days costs a few steps, not one per missed instant.
    for (long lookback : LOOKBACK_MILLIS) {
      long from = Math.max(after, time - lookback);
      OptionalLong latest = lastBetween(from, time);
      if (latest.isPresent() || from == after) {
        return latest;
      }
    }
    return lastBetween(Math.max(after, time - LOOKBACK_MILLIS[LOOKBACK_MILLIS.length - 1]), time);
  }

  private OptionalLong lastBetween(long fromExclusive, long toInclusive) {
    OptionalLong latest = OptionalLong.empty();
    OptionalLong next = nextAfter(fromExclusive);
    while (next.isPresent() && next.getAsLong() <= toInclusive) {
      latest = next;
      next = nextAfter(next.getAsLong());
    }
    return latest;
  }
}
