package com.lts.jobtracker.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.MisfirePolicy;
import com.lts.core.event.NodeEvents;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobQueue;
import com.lts.core.store.JobStore;
import com.lts.core.store.MutableClock;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import com.lts.jobtracker.internal.log.ConsoleJobLogSink;
import com.lts.jobtracker.internal.log.JobEventLog;
import com.lts.jobtracker.log.JobLogSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feeder against a real (H2) store, with a clock the test moves. */
class ScheduleFeederTest {

  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;
  private static final long T0 = 1_800_000_000_000L; // a whole minute, UTC
  private static final String GROUP = "trade";

  private final JdbcFixture database = JdbcFixture.h2();
  private final MutableClock clock = new MutableClock(T0 + 10 * SECOND);
  private final List<String> logLines = new ArrayList<>();
  private Store store;
  private JobStore jobs;
  private ScheduleFeeder feeder;
  private DueWheel wheel;
  private JobEventLog eventLog;

  @BeforeEach
  void setUp() {
    store = database.open(clock);
    jobs = store.jobs();
    JobLogSink sink =
        entries -> {
          new ConsoleJobLogSink().write(entries);
          store.jobLogs().append(entries);
        };
    eventLog = new JobEventLog(sink, 100, 10_000, clock);
    wheel =
        new DueWheel(jobs, group -> {}, clock, Duration.ofSeconds(2), "test", NodeEvents.IGNORED);
    feeder =
        new ScheduleFeeder(
            jobs,
            new InstancePlanner(5 * SECOND, 3 * MINUTE, 100),
            wheel,
            eventLog,
            clock,
            TimeZone.getTimeZone("UTC"),
            NodeEvents.IGNORED);
  }

  @AfterEach
  void tearDown() throws Exception {
    wheel.close();
    eventLog.close();
    store.close();
    database.drop();
  }

  private StoredJob submitCron(String taskId, String cron, boolean rely, MisfirePolicy misfire) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    job.setCronExpression(cron);
    job.setRelyOnPrevCycle(rely);
    job.setMisfirePolicy(misfire);
    jobs.submit(List.of(job));
    return jobs.find(GROUP, taskId).orElseThrow();
  }

  private StoredJob submitRepeat(String taskId, int count, long interval, boolean rely) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    job.setRepeatCount(count);
    job.setRepeatInterval(interval);
    job.setRelyOnPrevCycle(rely);
    jobs.submit(List.of(job));
    return jobs.find(GROUP, taskId).orElseThrow();
  }

  private List<Long> waiting(String taskId) {
    return jobs
        .browse(QueueQuery.of(JobQueue.EXECUTABLE, 1_000).group(GROUP).taskId(taskId))
        .items()
        .stream()
        .map(StoredJob::triggerTime)
        .sorted()
        .toList();
  }

  /** Claims and completes whatever of the group is due now. */
  private int runDue() {
    List<StoredJob> claimed = jobs.claim(GROUP, "TT_test", 1_000, Duration.ofMinutes(1));
    jobs.complete(claimed.stream().map(StoredJob::attemptRef).toList());
    return claimed.size();
  }

  @Test
  void aCronThatReliesOnItsPreviousCycleHasOneInstanceAtATime() {
    StoredJob schedule =
        submitCron("every-minute", "0 * * * * ?", true, MisfirePolicy.FIRE_ONCE_NOW);
    feeder.run();
    assertThat(waiting("every-minute")).containsExactly(T0 + MINUTE);
    feeder.run();
    assertThat(waiting("every-minute")).as("no second instance while one is live").hasSize(1);

    clock.set(T0 + MINUTE);
    assertThat(runDue()).isEqualTo(1);
    feeder.feed(schedule.jobId());
    assertThat(waiting("every-minute")).containsExactly(T0 + 2 * MINUTE);
  }

  @Test
  void aCronThatDoesNotRelyOnItsPreviousCycleIsCreatedAhead() {
    submitCron("ahead", "0 * * * * ?", false, MisfirePolicy.FIRE_ONCE_NOW);
    feeder.run();
    assertThat(waiting("ahead")).containsExactly(T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE);
    clock.set(T0 + MINUTE);
    jobs.claim(GROUP, "TT_test", 1, Duration.ofMinutes(1)); // the first one keeps running
    clock.set(T0 + 2 * MINUTE);
    feeder.run();
    assertThat(waiting("ahead"))
        .as("instances keep coming while an earlier one runs")
        .containsExactly(T0 + 2 * MINUTE, T0 + 3 * MINUTE, T0 + 4 * MINUTE, T0 + 5 * MINUTE);
  }

  @Test
  void runningTheFeederTwiceOrRacingNeverCreatesAnInstantTwice() {
    submitCron("twice", "0 * * * * ?", false, MisfirePolicy.FIRE_ONCE_NOW);
    feeder.run();
    feeder.run();
    MutableClock behind = new MutableClock(clock.millis() - 3 * SECOND);
    new ScheduleFeeder(
            jobs,
            new InstancePlanner(5 * SECOND, 3 * MINUTE, 100),
            wheel,
            eventLog,
            behind,
            TimeZone.getTimeZone("UTC"),
            NodeEvents.IGNORED)
        .run();
    assertThat(waiting("twice")).containsExactly(T0 + MINUTE, T0 + 2 * MINUTE, T0 + 3 * MINUTE);
  }

  @Test
  void aRepeatRunsItsCountThenFinishes() {
    StoredJob schedule = submitRepeat("three-times", 3, 10 * SECOND, true);
    for (int run = 1; run <= 3; run++) {
      feeder.feed(schedule.jobId());
      List<Long> next = waiting("three-times");
      assertThat(next).as("run %d", run).hasSize(1);
      clock.set(next.get(0));
      assertThat(runDue()).isEqualTo(1);
    }
    assertThat(waiting("three-times")).isEmpty();
    feeder.run();
    assertThat(jobs.find(GROUP, "three-times")).as("finished schedules are removed").isEmpty();
  }

  @Test
  void missedCronInstantsFireOnceOrAreSkipped() {
    submitCron("once", "0 * * * * ?", true, MisfirePolicy.FIRE_ONCE_NOW);
    submitCron("skip", "0 * * * * ?", true, MisfirePolicy.SKIP);
    clock.set(T0 + 45 * MINUTE + 20 * SECOND); // no JobTracker ran for 45 minutes
    feeder.run();
    assertThat(waiting("once")).containsExactly(T0 + 45 * MINUTE);
    assertThat(waiting("skip")).containsExactly(T0 + 46 * MINUTE);
    // The job log is written in the background.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        store
                            .jobLogs()
                            .query(JobLogQuery.forTask(GROUP, "once", 100))
                            .items()
                            .stream()
                            .filter(e -> e.type() == JobLogType.RECEIVED)
                            .map(e -> e.msg())
                            .toList())
                    .anySatisfy(msg -> assertThat(msg).contains("misfire policy FIRE_ONCE_NOW")));
  }

  @Test
  void aSuspendedScheduleNeverFiresUntilResumed() {
    StoredJob schedule = submitCron("paused", "0 * * * * ?", false, MisfirePolicy.SKIP);
    feeder.run();
    assertThat(waiting("paused")).hasSize(3);
    assertThat(jobs.suspend(schedule.jobId())).isTrue();
    assertThat(waiting("paused")).as("waiting instances go with the suspend").isEmpty();

    clock.set(T0 + 10 * MINUTE);
    feeder.run();
    assertThat(runDue()).isZero();
    assertThat(waiting("paused")).isEmpty();

    assertThat(jobs.resume(schedule.jobId())).isTrue();
    feeder.run();
    assertThat(waiting("paused")).first().isEqualTo(T0 + 11 * MINUTE);
  }

  @Test
  void cancellingAScheduleRemovesItsFutureInstances() {
    StoredJob schedule = submitCron("gone", "0 * * * * ?", false, MisfirePolicy.SKIP);
    feeder.run();
    assertThat(waiting("gone")).hasSize(3);
    assertThat(jobs.cancel(schedule.jobId())).isTrue();
    assertThat(waiting("gone")).isEmpty();
    feeder.run();
    assertThat(waiting("gone")).isEmpty();
  }
}
