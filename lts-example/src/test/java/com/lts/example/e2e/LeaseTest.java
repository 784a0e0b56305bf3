package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.Result;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.Store;
import com.lts.core.testing.Services;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.jobtracker.JobTrackerMain;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases across a frozen JobTracker and a JobTracker outage: nothing stuck, nothing run twice. */
class LeaseTest {

  private static final String GROUP = "leased";

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;
  private Processes processes;
  private final Map<String, AtomicInteger> starts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> ends = new ConcurrentHashMap<>();

  @AfterEach
  void tearDown() throws Exception {
    if (processes != null) {
      processes.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    if (database != null) {
      database.drop();
    }
  }

  /** Runs take the job's {@code sleep} parameter; starts and ends are counted per task id. */
  private JobRunner sleeper() {
    return new JobRunner() {
      @Override
      public Result run(JobContext context) throws Exception {
        String taskId = context.getJob().getTaskId();
        starts.computeIfAbsent(taskId, t -> new AtomicInteger()).incrementAndGet();
        Thread.sleep(Long.parseLong(context.getJob().getParam("sleep")));
        ends.computeIfAbsent(taskId, t -> new AtomicInteger()).incrementAndGet();
        return null;
      }
    };
  }

  private static int count(Map<String, AtomicInteger> counts, String taskId) {
    AtomicInteger n = counts.get(taskId);
    return n == null ? 0 : n.get();
  }

  private static Job job(String taskId, long sleepMillis) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    job.setParam("sleep", String.valueOf(sleepMillis));
    return job;
  }

  private List<JobLogEntry> log(Store store, String taskId) {
    return store.jobLogs().query(JobLogQuery.forTask(GROUP, taskId, 100)).items();
  }

  @Test
  void aFrozenJobTrackerDoesNotStopRenewalsAndTheJobCompletesOnce() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    database = JdbcFixture.postgreSql();
    cluster = LocalCluster.start(dir).leaseMillis(3_000);
    processes = new Processes(dir);
    cluster.jobTracker(database.config()); // the master, in this JVM
    Path config = dir.resolve("jobtracker.properties");
    Files.writeString(
        config,
        "registryAddress="
            + cluster.registryAddress()
            + "\nlistenPort=0\ndataPath="
            + dir.resolve("jt-frozen").toString().replace('\\', '/')
            + "\njob.queue=postgresql\njdbc.url="
            + database.url()
            + "\njdbc.username=postgres\nlts.job.lease.millis=3000\nzk.session.timeout=30000\n");
    Processes.Started frozen =
        processes.java(JobTrackerMain.class.getName(), "--config", config.toString());
    frozen.awaitOutput("listening on", Duration.ofSeconds(60));
    cluster.taskTracker(GROUP, 2, sleeper());
    JobClient client = cluster.jobClient("web", results -> {});

    assertThat(client.submitJob(job("long", 12_000)).isSuccess()).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> count(starts, "long") == 1);
    Processes.signal(frozen.process(), "STOP"); // renewals sent to it now get no answer
    await()
        .pollDelay(Duration.ofSeconds(8)) // well past the 3 s lease
        .atMost(Duration.ofSeconds(9))
        .until(() -> true);
    Processes.signal(frozen.process(), "CONT");

    try (Store store = database.open(Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(40))
          .until(() -> store.jobs().find(GROUP, "long").isEmpty());
      assertThat(count(starts, "long")).as("ran once").isEqualTo(1);
      assertThat(log(store, "long"))
          .noneMatch(e -> e.type() == JobLogType.LEASE_EXPIRED)
          .anySatisfy(
              e -> {
                assertThat(e.type()).isEqualTo(JobLogType.FINISHED);
                assertThat(e.msg()).doesNotStartWith("late");
              });
    }
  }

  @Test
  void resultsKeptAcrossAJobTrackerOutageAreAcceptedAndTheJobsDoNotRunAgain() throws Exception {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir).leaseMillis(2_000);
    JobTracker first = cluster.jobTracker(database.config());
    cluster.taskTracker(GROUP, 4, sleeper());
    JobClient client = cluster.jobClient("web", results -> {});
    for (int i = 0; i < 4; i++) {
      assertThat(client.submitJob(job("out" + i, 2_500)).isSuccess()).isTrue();
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> starts.values().stream().mapToInt(AtomicInteger::get).sum() == 4);

    first.stop(); // every JobTracker gone while the jobs finish
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> ends.values().stream().mapToInt(AtomicInteger::get).sum() == 4);
    await()
        .pollDelay(Duration.ofSeconds(5)) // the outage outlasts the 2 s leases
        .atMost(Duration.ofSeconds(6))
        .until(() -> true);
    cluster.jobTracker(database.config());

    try (Store store = database.open(Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  List.of("out0", "out1", "out2", "out3").stream()
                      .allMatch(t -> store.jobs().find(GROUP, t).isEmpty()));
      for (int i = 0; i < 4; i++) {
        assertThat(count(starts, "out" + i)).as("out%d ran once", i).isEqualTo(1);
        assertThat(log(store, "out" + i))
            .noneMatch(e -> e.type() == JobLogType.LEASE_EXPIRED)
            .noneMatch(e -> e.msg() != null && e.msg().startsWith("late result refused"));
      }
    }
  }
}
