package com.lts.jobtracker.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.MisfirePolicy;
import com.lts.jobtracker.internal.schedule.InstancePlanner.Plan;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class InstancePlannerTest {

  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;
  private static final long T0 = 1_800_000_000_000L; // a whole minute, UTC

  private final InstancePlanner planner = new InstancePlanner(5 * SECOND, 3 * MINUTE, 100);
  private final ScheduleTimes everyMinute =
      new CronTimes("0 * * * * ?", TimeZone.getTimeZone("UTC"));

  @Test
  void relyOnPrevCycleCreatesTheNextInstantOnlyWhenNothingIsLive() {
    Plan idle =
        planner.plan(everyMinute, T0, T0 + 10 * SECOND, true, 0, MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(idle.instants()).containsExactly(T0 + MINUTE);
    assertThat(idle.finished()).isFalse();

    Plan busy =
        planner.plan(everyMinute, T0, T0 + 10 * SECOND, true, 1, MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(busy.instants()).isEmpty();
    assertThat(busy.finished()).isFalse();
  }

  @Test
  void notRelyingOnThePreviousCycleCreatesEveryInstantWithinTheLookahead() {
    Plan plan =
        planner.plan(everyMinute, T0, T0 + 10 * SECOND, false, 2, MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(plan.instants()).containsExactly(T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE);
  }

  @Test
  void anInstantJustPassedIsStillFiredNormally() {
    Plan plan =
        planner.plan(everyMinute, T0, T0 + MINUTE + 3 * SECOND, true, 0, MisfirePolicy.SKIP);
    assertThat(plan.instants()).containsExactly(T0 + MINUTE);
    assertThat(plan.misfired()).isFalse();
  }

  @Test
  void missedInstantsFireOnceForTheLatestWithFireOnceNow() {
    long now = T0 + 45 * MINUTE + 20 * SECOND;
    Plan plan = planner.plan(everyMinute, T0, now, true, 0, MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(plan.instants()).containsExactly(T0 + 45 * MINUTE);
    assertThat(plan.misfired()).isTrue();

    Plan notRelying = planner.plan(everyMinute, T0, now, false, 0, MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(notRelying.instants())
        .as("one for the missed ones, then the coming ones: never a burst")
        .containsExactly(T0 + 45 * MINUTE, T0 + 46 * MINUTE, T0 + 47 * MINUTE, T0 + 48 * MINUTE);
  }

  @Test
  void missedInstantsAreSkippedWithSkip() {
    long now = T0 + 45 * MINUTE + 20 * SECOND;
    Plan plan = planner.plan(everyMinute, T0, now, true, 0, MisfirePolicy.SKIP);
    assertThat(plan.instants()).containsExactly(T0 + 46 * MINUTE);
    assertThat(plan.misfired()).isTrue();
  }

  @Test
  void repeatCountsAndTheEnd() {
    RepeatTimes threeTimes = new RepeatTimes(T0, 10 * SECOND, 3);
    Plan all = planner.plan(threeTimes, T0 - 1, T0, false, 0, MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(all.instants()).containsExactly(T0, T0 + 10 * SECOND, T0 + 20 * SECOND);

    Plan done =
        planner.plan(
            threeTimes, T0 + 20 * SECOND, T0 + MINUTE, false, 0, MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(done.finished()).isTrue();
    Plan stillRunning =
        planner.plan(
            threeTimes, T0 + 20 * SECOND, T0 + MINUTE, false, 1, MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(stillRunning.finished()).as("finished only when the last instance ended").isFalse();
  }

  @Test
  void aRepeatThatFellFarBehindFiresOnceAlignedToItsFirstInstant() {
    RepeatTimes forever = new RepeatTimes(T0, 10 * SECOND, -1);
    Plan plan =
        planner.plan(
            forever,
            T0,
            T0 + 10 * MINUTE + 4 * SECOND + 2 * MINUTE,
            true,
            0,
            MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(plan.instants()).containsExactly(T0 + 12 * MINUTE);
  }

  @Test
  void theLookaheadIsBoundedPerRound() {
    InstancePlanner small = new InstancePlanner(5 * SECOND, 10 * MINUTE, 4);
    ScheduleTimes everySecond = new CronTimes("* * * * * ?", TimeZone.getTimeZone("UTC"));
    assertThat(small.plan(everySecond, T0, T0, false, 0, MisfirePolicy.FIRE_ONCE_NOW).instants())
        .isEqualTo(List.of(T0 + SECOND, T0 + 2 * SECOND, T0 + 3 * SECOND, T0 + 4 * SECOND));
  }

  @Test
  void aCronWithNoInstantLeftIsFinishedOnceNothingRuns() {
    ScheduleTimes past = new CronTimes("0 0 0 1 1 ? 2020", TimeZone.getTimeZone("UTC"));
    assertThat(planner.plan(past, T0, T0, true, 0, MisfirePolicy.FIRE_ONCE_NOW).finished())
        .isTrue();
    assertThat(planner.plan(past, T0, T0, true, 1, MisfirePolicy.FIRE_ONCE_NOW).finished())
        .isFalse();
  }
}
