package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.Store;
import com.lts.jobclient.JobClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TaskTrackers that freeze or die, as real processes. */
class FailureTest {

  private static final String GROUP = "fragile";

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;
  private Processes processes;
  private Path runs;

  @BeforeEach
  void setUp() {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir);
    processes = new Processes(dir);
    runs = dir.resolve("runs.txt");
  }

  @AfterEach
  void tearDown() throws Exception {
    processes.close();
    // Keep the processes' output for a look after a failure.
    Path kept = Path.of("target", "failure-test-logs");
    Files.createDirectories(kept);
    try (var logs = Files.list(dir)) {
      for (Path log :
          logs.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".txt"))
              .toList()) {
        Files.copy(
            log,
            kept.resolve(log.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    cluster.close();
    database.drop();
  }

  private Processes.Started worker() throws Exception {
    Processes.Started worker =
        processes.java(
            WorkerMain.class.getName(),
            cluster.registryAddress(),
            GROUP,
            "2",
            "3000",
            runs.toString());
    worker.awaitOutput("WORKER TT_", Duration.ofSeconds(30));
    return worker;
  }

  private List<String> runLines() throws Exception {
    return Files.exists(runs) ? Files.readAllLines(runs) : List.of();
  }

  /** Whether a run of {@code taskId} other than the first reached {@code event} (START or END). */
  private boolean reran(String event, String taskId) throws Exception {
    return runLines().stream()
        .map(l -> l.split(" "))
        .anyMatch(p -> p[0].equals(event) && p[1].equals(taskId) && Long.parseLong(p[2]) > 1);
  }

  private List<JobLogEntry> log(Store store, String taskId) {
    return store.jobLogs().query(JobLogQuery.forTask(GROUP, taskId, 100)).items();
  }

  private static Job slowJob(String taskId, long millis) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    job.setParam("sleep", String.valueOf(millis));
    job.setNeedFeedback(true);
    return job;
  }

  @Test
  void aFrozenTaskTrackersLateResultIsRefusedAndTheJobCompletesOnce() throws Exception {
    cluster.jobTracker(database.config());
    List<JobResult> feedback = new CopyOnWriteArrayList<>();
    JobClient client = cluster.jobClient("web", feedback::addAll);
    Processes.Started frozen = worker();

    assertThat(client.submitJob(slowJob("frozen", 4_000)).isSuccess()).isTrue();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runLines().stream().anyMatch(l -> l.startsWith("START frozen 1")));
    Processes.signal(frozen.process(), "STOP"); // past its 3 s lease, it cannot renew

    worker();
    await().atMost(Duration.ofSeconds(30)).until(() -> reran("END", "frozen"));
    await().atMost(Duration.ofSeconds(10)).until(() -> feedback.size() == 1);

    Processes.signal(frozen.process(), "CONT"); // the old run finishes and reports, too late
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runLines().stream().anyMatch(l -> l.startsWith("END frozen 1")));

    try (Store store = database.open(Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(log(store, "frozen"))
                      .anySatisfy(
                          e -> assertThat(e.msg()).contains("late result refused: attempt 1")));
      List<JobLogEntry> entries = log(store, "frozen");
      assertThat(entries)
          .filteredOn(e -> e.type() == JobLogType.LEASE_EXPIRED)
          .extracting(JobLogEntry::attempt)
          .first()
          .isEqualTo(1L);
      assertThat(entries)
          .filteredOn(e -> e.type() == JobLogType.FINISHED && !e.msg().startsWith("late"))
          .as("completed once, by a later attempt")
          .singleElement()
          .satisfies(e -> assertThat(e.attempt()).isGreaterThan(1));
      assertThat(store.jobs().find(GROUP, "frozen")).isEmpty();
    }
    assertThat(feedback)
        .singleElement()
        .satisfies(r -> assertThat(r.getAction()).isEqualTo(Action.EXECUTE_SUCCESS));
  }

  @Test
  void aKilledTaskTrackersJobsRunAgainElsewhereBeforeTheirLeasesEnd() throws Exception {
    cluster.jobTracker(database.config());
    JobClient client = cluster.jobClient("web", results -> {});
    Processes.Started doomed = worker();

    assertThat(client.submitJob(slowJob("orphan", 60_000)).isSuccess()).isTrue();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runLines().stream().anyMatch(l -> l.startsWith("START orphan 1")));
    worker();
    doomed.process().destroyForcibly(); // kill -9: no goodbye to the registry or the JobTracker

    await().atMost(Duration.ofSeconds(30)).until(() -> reran("START", "orphan"));
    try (Store store = database.open(Clock.systemUTC())) {
      assertThat(log(store, "orphan"))
          .filteredOn(e -> e.type() == JobLogType.LEASE_EXPIRED)
          .singleElement()
          .satisfies(e -> assertThat(e.attempt()).isEqualTo(1));
    }
  }
}
