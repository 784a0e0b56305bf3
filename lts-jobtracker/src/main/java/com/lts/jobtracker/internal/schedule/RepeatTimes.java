package com.lts.jobtracker.internal.schedule;

import java.util.OptionalLong;

/**
 * The instants of a repeat schedule: {@code first}, then every {@code interval} ms, {@code count}
 * times in all ({@code -1}: forever). They stay aligned to the first instant however late a run
 * was.
 */
public final class RepeatTimes implements ScheduleTimes {

  private final long first;
  private final long interval;
  private final int count;

  public RepeatTimes(long first, long interval, int count) {
    if (interval <= 0) {
      throw new IllegalArgumentException("repeatInterval must be positive, got " + interval);
    }
    if (count == 0 || count < -1) {
      throw new IllegalArgumentException("repeatCount must be -1 or positive, got " + count);
    }
    this.first = first;
    this.interval = interval;
    this.count = count;
  }

  @Override
  public OptionalLong nextAfter(long time) {
    long index = time < first ? 0 : Math.floorDiv(time - first, interval) + 1;
    return instant(index);
  }

  @Override
  public OptionalLong latestIn(long after, long time) {
    if (time < first || time <= after) {
      return OptionalLong.empty();
    }
    long index = Math.floorDiv(time - first, interval);
    if (count != -1) {
      index = Math.min(index, count - 1L);
    }
    OptionalLong latest = instant(index);
    return latest.isPresent() && latest.getAsLong() > after ? latest : OptionalLong.empty();
  }

  private OptionalLong instant(long index) {
    if (count != -1 && index >= count) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(first + index * interval);
  }
}
