package com.lts.jobtracker.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ScheduleTimesTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId UTC = ZoneId.of("UTC");

  private static long at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant().toEpochMilli();
  }

  private static String local(ZoneId zone, long millis) {
    return ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis), zone)
        .toLocalDateTime()
        .toString();
  }

  private static List<String> next(ScheduleTimes times, long from, int n, ZoneId zone) {
    List<String> result = new ArrayList<>();
    long t = from;
    for (int i = 0; i < n; i++) {
      OptionalLong next = times.nextAfter(t);
      if (next.isEmpty()) {
        break;
      }
      t = next.getAsLong();
      result.add(local(zone, t));
    }
    return result;
  }

  @Test
  void everyMinuteCronAcrossAMonthEndAndALeapDay() {
    CronTimes cron = new CronTimes("0 0/1 * * * ?", TimeZone.getTimeZone(UTC));
    assertThat(next(cron, at(UTC, "2024-02-29T23:58:30"), 4, UTC))
        .containsExactly(
            "2024-02-29T23:59", "2024-03-01T00:00", "2024-03-01T00:01", "2024-03-01T00:02");
  }

  @Test
  void lastDayOfMonthCron() {
    CronTimes cron = new CronTimes("0 0 12 L * ?", TimeZone.getTimeZone(UTC));
    assertThat(next(cron, at(UTC, "2026-01-15T00:00"), 4, UTC))
        .containsExactly(
            "2026-01-31T12:00", "2026-02-28T12:00", "2026-03-31T12:00", "2026-04-30T12:00");
  }

  @Test
  void theThirtyFirstOnlyInMonthsThatHaveIt() {
    CronTimes cron = new CronTimes("0 0 0 31 * ?", TimeZone.getTimeZone(UTC));
    assertThat(next(cron, at(UTC, "2026-01-01T00:00"), 3, UTC))
        .containsExactly("2026-01-31T00:00", "2026-03-31T00:00", "2026-05-31T00:00");
  }

  @Test
  void springForwardSkipsTheHourThatDoesNotExist() {
    // 2026-03-29 in Berlin: 02:00 jumps to 03:00.
    CronTimes cron = new CronTimes("0 30 * * * ?", TimeZone.getTimeZone(BERLIN));
    List<String> times = next(cron, at(BERLIN, "2026-03-29T00:45"), 3, BERLIN);
    assertThat(times).containsExactly("2026-03-29T01:30", "2026-03-29T03:30", "2026-03-29T04:30");
  }

  @Test
  void aDailyTimeInsideTheSkippedHourDoesNotFireThatDay() {
    // Quartz's rule: 02:30 does not exist on 2026-03-29 in Berlin, so that day has no instant.
    CronTimes cron = new CronTimes("0 30 2 * * ?", TimeZone.getTimeZone(BERLIN));
    assertThat(next(cron, at(BERLIN, "2026-03-28T12:00"), 2, BERLIN))
        .containsExactly("2026-03-30T02:30", "2026-03-31T02:30");
  }

  @Test
  void fallBackFiresTheRepeatedWallClockTimeOnce() {
    // 2026-10-25 in Berlin: 03:00 goes back to 02:00, so 02:30 happens twice.
    CronTimes cron = new CronTimes("0 30 2 * * ?", TimeZone.getTimeZone(BERLIN));
    long from = at(BERLIN, "2026-10-25T00:00");
    OptionalLong first = cron.nextAfter(from);
    OptionalLong second = cron.nextAfter(first.getAsLong());
    assertThat(local(BERLIN, first.getAsLong())).isEqualTo("2026-10-25T02:30");
    assertThat(local(BERLIN, second.getAsLong())).isEqualTo("2026-10-26T02:30");
  }

  @Test
  void latestMissedCronInstantIsFoundWithoutWalkingEveryInstant() {
    CronTimes everySecond = new CronTimes("* * * * * ?", TimeZone.getTimeZone(UTC));
    long last = at(UTC, "2026-01-01T00:00");
    long now = at(UTC, "2026-01-03T10:20:30") + 400;
    assertThat(everySecond.latestIn(last, now)).hasValue(at(UTC, "2026-01-03T10:20:30"));

    CronTimes monthly = new CronTimes("0 0 0 1 * ?", TimeZone.getTimeZone(UTC));
    assertThat(monthly.latestIn(at(UTC, "2025-10-15T00:00"), at(UTC, "2026-01-20T00:00")))
        .hasValue(at(UTC, "2026-01-01T00:00"));
    assertThat(monthly.latestIn(at(UTC, "2026-01-02T00:00"), at(UTC, "2026-01-20T00:00")))
        .as("nothing after the last instant")
        .isEmpty();
  }

  @Test
  void cronThatNeverFiresAgainHasNoNext() {
    CronTimes past = new CronTimes("0 0 0 1 1 ? 2020", TimeZone.getTimeZone(UTC));
    assertThat(past.nextAfter(at(UTC, "2026-01-01T00:00"))).isEmpty();
    assertThatThrownBy(() -> new CronTimes("0 0 0 1", TimeZone.getTimeZone(UTC)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid Quartz cron expression");
  }

  @Test
  void repeatStaysAlignedToTheFirstInstantAndStopsAfterItsCount() {
    RepeatTimes times = new RepeatTimes(10_000, 1_000, 3);
    assertThat(times.nextAfter(0)).hasValue(10_000);
    assertThat(times.nextAfter(10_000)).hasValue(11_000);
    assertThat(times.nextAfter(11_500)).as("aligned, not now + interval").hasValue(12_000);
    assertThat(times.nextAfter(12_000)).as("three instants only").isEmpty();
    assertThat(times.latestIn(0, 11_999)).hasValue(11_000);
    assertThat(times.latestIn(0, 99_999)).as("capped by the count").hasValue(12_000);
    assertThat(times.latestIn(12_000, 99_999)).isEmpty();
    assertThat(times.latestIn(0, 9_999)).isEmpty();
  }

  @Test
  void foreverRepeatHasNoEnd() {
    RepeatTimes times = new RepeatTimes(0, 500, -1);
    assertThat(times.nextAfter(1_000_000_000L)).hasValue(1_000_000_500L);
    assertThat(times.latestIn(0, 1_000_000_250L)).hasValue(1_000_000_000L);
  }

  @Test
  void invalidRepeatIsRefused() {
    assertThatThrownBy(() -> new RepeatTimes(0, 0, 3)).hasMessageContaining("repeatInterval");
    assertThatThrownBy(() -> new RepeatTimes(0, 10, -2)).hasMessageContaining("repeatCount");
  }
}
