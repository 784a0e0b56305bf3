package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.domain.Result;
import com.lts.core.store.JdbcFixture;
import com.lts.core.testing.Services;
import com.lts.jobclient.JobClient;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delayed and cron jobs against real time, with real nodes on loopback. */
class TimeTest {

  private static final String GROUP = "timed";

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;

  @BeforeEach
  void setUp() {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    cluster.close();
    database.drop();
  }

  /** Records, per task id, each run's instant (the trigger time it ran for) and its start. */
  static final class TimingRunner implements JobRunner {
    final Map<String, List<Long>> instants = new ConcurrentHashMap<>();
    final List<Long> lateness = new CopyOnWriteArrayList<>();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();

    @Override
    public Result run(JobContext context) throws Exception {
      long started = System.currentTimeMillis();
      long instant = context.getJobExtInfo().getTriggerTime();
      lateness.add(started - instant);
      instants
          .computeIfAbsent(context.getJob().getTaskId(), t -> new CopyOnWriteArrayList<>())
          .add(instant);
      String sleep = context.getJob().getParam("sleep");
      if (sleep != null) {
        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        Thread.sleep(Long.parseLong(sleep));
        running.decrementAndGet();
      }
      return null;
    }
  }

  @Test
  void aThousandJobsDueAtTheSameSecondStartOnTime() {
    cluster.jobTracker(database.config());
    TimingRunner runner = new TimingRunner();
    cluster.taskTracker(GROUP, 500, runner);
    cluster.taskTracker(GROUP, 500, runner);
    JobClient client = cluster.jobClient("web", results -> {});

    // A running service is warm: one round first, so the measured one is not JVM start-up.
    submitThousandDueAt(client, "warm-up-", System.currentTimeMillis());
    await().atMost(Duration.ofSeconds(30)).until(() -> runner.lateness.size() == 1_000);
    runner.lateness.clear();

    long due = (System.currentTimeMillis() / 1_000 + 3) * 1_000;
    submitThousandDueAt(client, "at-", due);
    await().atMost(Duration.ofSeconds(30)).until(() -> runner.lateness.size() == 1_000);

    List<Long> sorted = new ArrayList<>(runner.lateness);
    Collections.sort(sorted);
    long median = sorted.get(sorted.size() / 2);
    long last = sorted.get(sorted.size() - 1);
    System.out.printf(
        "1000 jobs due at one instant: first %d ms, median %d ms, last %d ms late%n",
        sorted.get(0), median, last);
    assertThat(sorted.get(0)).as("never early").isGreaterThanOrEqualTo(0);
    // Loose bounds for a loaded 2-core machine; docs/benchmarks.md has the measured figures.
    assertThat(sorted.get(0)).as("the first starts on time").isLessThan(100);
    assertThat(median).isLessThan(500);
    assertThat(last).isLessThan(2_000);
  }

  private static void submitThousandDueAt(JobClient client, String prefix, long due) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Job job = new Job();
      job.setTaskId(prefix + i);
      job.setTaskTrackerNodeGroup(GROUP);
      job.setTriggerTime(due);
      jobs.add(job);
    }
    assertThat(client.submitJob(jobs).isSuccess()).isTrue();
  }

  @Test
  void oneCronScheduleOnTwoJobTrackersWithClocksApartFiresEachInstantOnce() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    JdbcFixture shared = JdbcFixture.postgreSql();
    try {
      cluster.jobTracker(shared.config());
      cluster.jobTracker(shared.config(), Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3)));
      TimingRunner runner = new TimingRunner();
      cluster.taskTracker(GROUP, 8, runner);
      cluster.taskTracker(GROUP, 8, runner);
      JobClient client = cluster.jobClient("web", results -> {});

      Job relying = cron("relying", true);
      Job overlapping = cron("overlapping", false);
      overlapping.setParam("sleep", "1500");
      assertThat(client.submitJob(List.of(relying, overlapping)).isSuccess()).isTrue();

      // 20 s of instants by default, a minute with -Dlts.long.tests=true.
      long seconds = Boolean.getBoolean("lts.long.tests") ? 60 : 20;
      long started = System.currentTimeMillis();
      await()
          .atMost(Duration.ofSeconds(seconds + 30))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> System.currentTimeMillis() - started >= seconds * 1_000);
      assertThat(client.cancelJob("relying", GROUP).isSuccess()).isTrue();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> client.cancelJob("overlapping", GROUP).isSuccess());

      for (String taskId : List.of("relying", "overlapping")) {
        List<Long> instants = new ArrayList<>(runner.instants.get(taskId));
        Collections.sort(instants);
        assertThat(instants).as("%s fired each instant once", taskId).doesNotHaveDuplicates();
        assertThat((long) instants.size())
            .as("%s ran about once a second", taskId)
            .isBetween(seconds - 10, seconds + 10);
        for (int i = 1; i < instants.size(); i++) {
          assertThat(instants.get(i) - instants.get(i - 1))
              .as(
                  "%s: no instant skipped between %s and %s",
                  taskId, instants.get(i - 1), instants.get(i))
              .isEqualTo(1_000);
        }
      }
      assertThat(runner.maxRunning.get())
          .as("instances of a schedule that does not rely on its previous cycle overlap")
          .isGreaterThan(1);
    } finally {
      cluster.close();
      cluster = LocalCluster.start(dir.resolve("after"));
      shared.drop();
    }
  }

  private static Job cron(String taskId, boolean relyOnPrevCycle) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    job.setCronExpression("* * * * * ?");
    job.setRelyOnPrevCycle(relyOnPrevCycle);
    return job;
  }

  @Test
  void invalidSchedulesAreRefusedAtSubmit() {
    cluster.jobTracker(database.config());
    JobClient client = cluster.jobClient("web", results -> {});

    Job badCron = cron("bad", true);
    badCron.setCronExpression("61 * * * * ?");
    Job negative = new Job();
    negative.setTaskId("negative");
    negative.setTaskTrackerNodeGroup(GROUP);
    negative.setRepeatCount(-5);
    negative.setRepeatInterval(1_000L);
    Job zeroInterval = new Job();
    zeroInterval.setTaskId("zero");
    zeroInterval.setTaskTrackerNodeGroup(GROUP);
    zeroInterval.setRepeatCount(3);
    zeroInterval.setRepeatInterval(0L);
    Job never = cron("never", true);
    never.setCronExpression("0 0 0 1 1 ? 2020");

    Response response = client.submitJob(List.of(badCron, negative, zeroInterval, never));
    assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_FIELD_CHECK_ERROR);
    assertThat(response.getMsg())
        .contains("'bad': cronExpression: '61 * * * * ?' is not a valid Quartz cron expression")
        .contains(
            "'negative': repeatCount: must be -1 (forever), 0 (no repeat) or positive, got -5")
        .contains("'zero': repeatInterval: must be a positive number of milliseconds, got 0")
        .contains("'never': cronExpression: '0 0 0 1 1 ? 2020' has no instant in the future");
    assertThat(response.getFailedJobs()).hasSize(4);
  }
}
