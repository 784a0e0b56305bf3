package com.lts.jobtracker.internal.schedule;

import com.lts.core.LtsException;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobType;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.store.InstanceRequest;
import com.lts.core.store.InstanceResult;
import com.lts.core.store.JobKind;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobQueue;
import com.lts.core.store.JobState;
import com.lts.core.store.JobStore;
import com.lts.core.store.Page;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.StoredJob;
import com.lts.jobtracker.internal.log.JobEventLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the instances of cron and repeat schedules. The master runs {@link #run()} as a duty over
 * every active schedule; any JobTracker calls {@link #feed(String)} when an instance of a schedule
 * that relies on its previous cycle ends, so the next one is there at once. Creating an instance is
 * idempotent in the store (one per schedule and instant, never at or before the last one), so
 * feeders racing on several JobTrackers, or on clocks seconds apart, never fire an instant twice.
 */
public final class ScheduleFeeder implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(ScheduleFeeder.class);
  private static final int PAGE = 500;
  private static final int MAX_PAGES_PER_RUN = 2_000;

  private final JobStore jobs;
  private final InstancePlanner planner;
  private final DueWheel wheel;
  private final JobEventLog eventLog;
  private final Clock clock;
  private final TimeZone zone;
  private final Background background;

  public ScheduleFeeder(
      JobStore jobs,
      InstancePlanner planner,
      DueWheel wheel,
      JobEventLog eventLog,
      Clock clock,
      TimeZone zone,
      NodeEvents events) {
    this.background = new Background(events, ScheduleFeeder.class);
    this.jobs = jobs;
    this.planner = planner;
    this.wheel = wheel;
    this.eventLog = eventLog;
    this.clock = clock;
    this.zone = zone;
  }

  /** One pass over every active schedule. */
  @Override
  public void run() {
    for (JobQueue queue : List.of(JobQueue.CRON, JobQueue.REPEAT)) {
      String cursor = null;
      for (int page = 0; page < MAX_PAGES_PER_RUN; page++) {
        Page<StoredJob> schedules = jobs.browse(QueueQuery.of(queue, PAGE).after(cursor));
        if (schedules.items().isEmpty()) {
          break;
        }
        feedAll(schedules.items());
        if (!schedules.hasNext()) {
          break;
        }
        cursor = schedules.nextCursor();
      }
    }
  }

  /** Brings one schedule up to date now (e.g. after one of its instances ended). */
  public void feed(String scheduleJobId) {
    feed(List.of(scheduleJobId));
  }

  /**
   * Brings these schedules up to date now: one read of the schedules, one count of their live
   * instances and one store call for all their new instances, however many there are.
   */
  public void feed(Collection<String> scheduleJobIds) {
    List<String> all = List.copyOf(scheduleJobIds);
    for (int from = 0; from < all.size(); from += PAGE) {
      List<String> ids = all.subList(from, Math.min(all.size(), from + PAGE));
      List<StoredJob> active =
          jobs.find(ids).values().stream()
              .filter(s -> s.kind() == JobKind.SCHEDULE && s.state() == JobState.SCHEDULED)
              .toList();
      if (!active.isEmpty()) {
        feedAll(active);
      }
    }
  }

  private void feedAll(List<StoredJob> schedules) {
    Map<String, Integer> live =
        jobs.liveInstances(schedules.stream().map(StoredJob::jobId).toList());
    List<InstanceRequest> requests = new ArrayList<>();
    List<Planned> planned = new ArrayList<>();
    for (StoredJob schedule : schedules) {
      InstancePlanner.Plan plan;
      try {
        plan = plan(schedule, live.getOrDefault(schedule.jobId(), 0));
        if (plan.finished()) {
          finish(schedule);
          continue;
        }
      } catch (RuntimeException e) { // one broken schedule must not hold up the others
        background.failed(
            "Schedule feeding",
            new LtsException(
                "Schedule " + schedule.taskId() + " (" + schedule.jobId() + ") could not be fed",
                e));
        continue;
      }
      boolean first = true;
      for (long instant : plan.instants()) {
        requests.add(new InstanceRequest(schedule.jobId(), instant));
        planned.add(new Planned(schedule, instant, plan.misfired() && first));
        first = false;
      }
    }
    if (requests.isEmpty()) {
      return;
    }
    List<InstanceResult> results = jobs.createInstances(requests);
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i).status() == InstanceResult.Status.CREATED) {
        created(planned.get(i), results.get(i).jobId());
      }
    }
  }

  private InstancePlanner.Plan plan(StoredJob schedule, int liveInstances) {
    Job job = schedule.job();
    long now = clock.millis();
    if (schedule.jobType() == JobType.CRON) {
      long after =
          schedule.repeatedCount() == 0 ? schedule.triggerTime() - 1 : schedule.triggerTime();
      return planner.plan(
          new CronTimes(job.getCronExpression(), zone),
          after,
          now,
          job.isRelyOnPrevCycle(),
          liveInstances,
          job.getMisfirePolicy());
    }
    return planRepeat(schedule, job, now, liveInstances);
  }

  private void created(Planned p, String instanceJobId) {
    StoredJob schedule = p.schedule();
    wheel.arm(schedule.taskTrackerNodeGroup(), p.instant());
    eventLog.event(
        instanceJobId,
        schedule.taskTrackerNodeGroup(),
        schedule.taskId(),
        0,
        JobLogType.RECEIVED,
        null,
        p.misfired()
            ? "instance for "
                + p.instant()
                + " (instants were missed; misfire policy "
                + schedule.job().getMisfirePolicy()
                + ")"
            : "instance for " + p.instant());
  }

  /** An instance the plan asked for; {@code misfired}: the one the misfire policy chose. */
  private record Planned(StoredJob schedule, long instant, boolean misfired) {}

  private InstancePlanner.Plan planRepeat(
      StoredJob schedule, Job job, long now, int liveInstances) {
    int count = job.getRepeatCount();
    int remaining = count == -1 ? -1 : count - schedule.repeatedCount();
    if (remaining == 0) {
      return liveInstances == 0
          ? new InstancePlanner.Plan(List.of(), true, false)
          : new InstancePlanner.Plan(List.of(), false, false);
    }
    long interval = job.getRepeatInterval();
    long first =
        schedule.repeatedCount() == 0 ? schedule.triggerTime() : schedule.triggerTime() + interval;
    return planner.plan(
        new RepeatTimes(first, interval, remaining),
        first - 1,
        now,
        job.isRelyOnPrevCycle(),
        liveInstances,
        job.getMisfirePolicy());
  }

  private void finish(StoredJob schedule) {
    if (jobs.cancel(schedule.jobId())) {
      eventLog.event(
          schedule, JobLogType.FINISHED, null, "schedule finished: it has no instant left");
      log.info(
          "Schedule {} of group {} finished", schedule.taskId(), schedule.taskTrackerNodeGroup());
    }
  }
}
