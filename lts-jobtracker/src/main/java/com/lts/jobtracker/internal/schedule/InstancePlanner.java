package com.lts.jobtracker.internal.schedule;

import com.lts.core.domain.MisfirePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Decides which instances a schedule needs now. Pure arithmetic over {@link ScheduleTimes}, so
 * every rule is tested with a manual clock:
 *
 * <ul>
 *   <li>{@code relyOnPrevCycle=true}: one instance at a time — the next instant, created only when
 *       no instance of the schedule is waiting or running;
 *   <li>{@code relyOnPrevCycle=false}: every instant up to {@code now + lookahead}, whether or not
 *       earlier instances still run;
 *   <li>instants that passed more than {@code misfireThreshold} ago (no JobTracker could fire them)
 *       are never fired one by one: {@link MisfirePolicy#FIRE_ONCE_NOW} makes one instance for the
 *       latest of them, {@link MisfirePolicy#SKIP} goes on with the next future instant;
 *   <li>a schedule with no instant left and no live instance is finished.
 * </ul>
 */
public final class InstancePlanner {

  private final long misfireThresholdMillis;
  private final long lookaheadMillis;
  private final int maxInstantsPerRound;

  public InstancePlanner(
      long misfireThresholdMillis, long lookaheadMillis, int maxInstantsPerRound) {
    this.misfireThresholdMillis = misfireThresholdMillis;
    this.lookaheadMillis = lookaheadMillis;
    this.maxInstantsPerRound = maxInstantsPerRound;
  }

  /**
   * @param after instants at or before this are done (the schedule's last instance, or just before
   *     its start when it has none)
   * @param liveInstances instances of the schedule waiting or running now
   */
  public Plan plan(
      ScheduleTimes times,
      long after,
      long now,
      boolean relyOnPrevCycle,
      int liveInstances,
      MisfirePolicy misfirePolicy) {
    if (relyOnPrevCycle && liveInstances > 0) {
      return Plan.WAIT;
    }
    OptionalLong next = times.nextAfter(after);
    if (next.isEmpty()) {
      return liveInstances == 0 ? Plan.FINISHED : Plan.WAIT;
    }
    List<Long> instants = new ArrayList<>();
    boolean misfired = next.getAsLong() < now - misfireThresholdMillis;
    long t;
    if (misfired) {
      OptionalLong chosen =
          misfirePolicy == MisfirePolicy.SKIP ? times.nextAfter(now) : times.latestIn(after, now);
      if (chosen.isEmpty()) {
        return liveInstances == 0 ? Plan.FINISHED : Plan.WAIT;
      }
      t = chosen.getAsLong();
    } else {
      t = next.getAsLong();
    }
    if (relyOnPrevCycle) {
      return new Plan(List.of(t), false, misfired);
    }
    long horizon = now + lookaheadMillis;
    while (t <= horizon && instants.size() < maxInstantsPerRound) {
      instants.add(t);
      OptionalLong following = times.nextAfter(t);
      if (following.isEmpty()) {
        break;
      }
      t = following.getAsLong();
    }
    return new Plan(instants, false, misfired);
  }

  /**
   * What to do with a schedule now.
   *
   * @param instants trigger times to create instances for, ascending
   * @param finished no instant is left and nothing runs: the schedule is done
   * @param misfired instants were missed and the misfire policy decided the first of {@code
   *     instants}
   */
  public record Plan(List<Long> instants, boolean finished, boolean misfired) {
    static final Plan WAIT = new Plan(List.of(), false, false);
    static final Plan FINISHED = new Plan(List.of(), true, false);
  }
}
