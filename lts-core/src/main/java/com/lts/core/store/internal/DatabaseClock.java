package com.lts.core.store.internal;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The database server's clock, as leases are measured by it: every JobTracker then sets and ends
 * leases on one clock, so a JobTracker whose own clock is off, or is stepped by NTP, neither
 * shortens nor lengthens them. The database's time is read every few seconds (one round trip, taken
 * at the middle of it) and carried forward in between by this JVM's monotonic clock, which
 * wall-clock steps do not move.
 */
public final class DatabaseClock extends Clock {

  private static final long RESAMPLE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final LongSupplier databaseMillis;
  private volatile Sample sample;

  private record Sample(long databaseMillis, long nanos) {}

  /**
   * @param databaseMillis reads the database's current time, in epoch milliseconds
   */
  public DatabaseClock(LongSupplier databaseMillis) {
    this.databaseMillis = databaseMillis;
  }

  /** The clock leases follow, as {@code lts.job.lease.clock} says. */
  public static Clock forLeases(LtsConfig config, Clock nodeClock, LongSupplier databaseMillis) {
    return "node".equals(config.get(ConfigKeys.JOB_LEASE_CLOCK))
        ? nodeClock
        : new DatabaseClock(databaseMillis);
  }

  @Override
  public long millis() {
    Sample s = sample;
    long now = System.nanoTime();
    if (s == null || now - s.nanos > RESAMPLE_NANOS) {
      s = resample(s);
      now = System.nanoTime();
    }
    return s.databaseMillis + TimeUnit.NANOSECONDS.toMillis(now - s.nanos);
  }

  private Sample resample(Sample previous) {
    long before = System.nanoTime();
    long database;
    try {
      database = databaseMillis.getAsLong();
    } catch (RuntimeException e) {
      if (previous == null) {
        throw e;
      }
      return previous; // carried forward; the store call that needs it fails on its own
    }
    long after = System.nanoTime();
    Sample fresh = new Sample(database, before + (after - before) / 2);
    sample = fresh;
    return fresh;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** The same database time, shown in {@code zone}. */
  @Override
  public Clock withZone(ZoneId zone) {
    DatabaseClock database = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return database.withZone(other);
      }

      @Override
      public Instant instant() {
        return database.instant();
      }

      @Override
      public long millis() {
        return database.millis();
      }
    };
  }
}
