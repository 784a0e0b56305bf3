package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Store;
import com.lts.core.testing.Services;
import com.lts.jobclient.RetryJobClient;
import com.lts.jobtracker.JobTrackerMain;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feedback and submits across process deaths, on PostgreSQL: a job's result is stored with its
 * completion and delivered until the JobClient acknowledges it; a submit that committed after its
 * client gave up is recognised when it is re-sent.
 */
class DeliveryTest {

  private static final String GROUP = "delivery";

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;
  private Processes processes;

  @BeforeEach
  void setUp() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    database = JdbcFixture.postgreSql();
    cluster = LocalCluster.start(dir);
    processes = new Processes(dir);
  }

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

  private Processes.Started jobTracker(Path config) throws Exception {
    Processes.Started started =
        processes.java(JobTrackerMain.class.getName(), "--config", config.toString());
    started.awaitOutput("listening on", Duration.ofSeconds(60));
    return started;
  }

  /**
   * 300 needFeedback jobs finish while their JobClient's JVM is stopped (SIGSTOP); the JobTracker's
   * JVM is killed -9 and a new one started; the JobClient, resumed, gets every result, and each
   * reaches its handler exactly once: the results were stored with the completions, the stale
   * deliveries that waited in the frozen JVM's socket are handled when it resumes, and the new
   * JobTracker's re-sends of those (their acknowledgements died with the old JobTracker) are
   * acknowledged by the JobClient without calling the handler again.
   */
  @Test
  void feedbackSurvivesAJobTrackerKilledWhileItsJobClientIsFrozen() throws Exception {
    int jobs = 300;
    Path config = dir.resolve("jobtracker.properties");
    Files.writeString(
        config,
        "registryAddress="
            + cluster.registryAddress()
            + "\nlistenPort=0\ndataPath="
            + dir.resolve("jt").toString().replace('\\', '/')
            + "\njob.queue=postgresql\njdbc.url="
            + database.url()
            + "\njdbc.username=postgres\nzk.session.timeout=4000\n");
    Processes.Started jobTracker = jobTracker(config);
    cluster.taskTracker(
        GROUP,
        8,
        new JobRunner() {
          @Override
          public void run(Job job) {}
        });
    Path results = dir.resolve("results.txt");
    Processes.Started client =
        processes.java(
            FeedbackClientMain.class.getName(),
            cluster.registryAddress(),
            GROUP,
            String.valueOf(jobs),
            "3000",
            results.toString(),
            dir.resolve("client").toString());
    client.awaitOutput("SUBMITTED", Duration.ofSeconds(60));
    Processes.signal(client.process(), "STOP");

    try (Store store = database.open(Clock.systemUTC())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  store.jobs().countByGroup(JobQueue.EXECUTABLE).isEmpty()
                      && store.jobs().countByGroup(JobQueue.EXECUTING).isEmpty());
      // Stored with the completions, before any delivery attempt to the frozen client ended.
      assertThat(store.feedback().countByGroup())
          .containsEntry(FeedbackClientMain.GROUP, (long) jobs);

      jobTracker.process().destroyForcibly();
      assertThat(jobTracker.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      jobTracker(config);
      Processes.signal(client.process(), "CONT");

      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> distinctJobIds(results) == jobs && store.feedback().countByGroup().isEmpty());
    }
    List<String> lines = Files.readAllLines(results);
    Set<String> tasks = new HashSet<>();
    lines.forEach(l -> tasks.add(l.split(" ")[1]));
    assertThat(tasks).hasSize(jobs);
    assertThat(lines).as("each result reached the handler once").hasSize(jobs);
  }

  private static int distinctJobIds(Path results) throws Exception {
    if (!Files.exists(results)) {
      return 0;
    }
    Set<String> ids = new HashSet<>();
    Files.readAllLines(results).forEach(l -> ids.add(l.split(" ")[0]));
    return ids.size();
  }

  /**
   * A RetryJobClient with a 1 s invoke timeout submits while the job table is locked: its submit
   * and the re-sends during the lock wait in the JobTracker; the client counts them failed and
   * keeps the job. The lock goes, the first copy commits and runs; the client's later re-send,
   * arriving after the job finished and its row is gone, is recognised by its submit id and the job
   * runs once. A job submitted afterwards (which queues behind the kept one) shows the re-sends
   * ended.
   */
  @Test
  void aSubmitThatCommittedAfterTheClientGaveUpRunsOnceWhenReSent() throws Exception {
    cluster.jobTracker(database.config());
    Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    cluster.taskTracker(
        GROUP,
        4,
        new JobRunner() {
          @Override
          public void run(Job job) {
            runs.computeIfAbsent(job.getTaskId(), t -> new AtomicInteger()).incrementAndGet();
          }
        });
    RetryJobClient client = new RetryJobClient();
    client.setRegistryAddress(cluster.registryAddress());
    client.setNodeGroup("retrying_client");
    client.setDataPath(dir.resolve("client").toString());
    client.setInvokeTimeoutMillis(1_000);
    client.start();
    try (Store store = database.open(Clock.systemUTC());
        Connection lock = DriverManager.getConnection(database.url(), "postgres", null);
        Connection monitor = DriverManager.getConnection(database.url(), "postgres", null)) {
      lock.setAutoCommit(false);
      try (Statement s = lock.createStatement()) {
        s.execute("LOCK TABLE lts_job IN EXCLUSIVE MODE");
      }

      Response first = client.submitJob(job("once"));
      assertThat(first.getCode()).isEqualTo(ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER);
      // The first copy and re-sends wait for the lock in the JobTracker, and the client gave up on
      // each of them (they wait longer than its timeout): released now, they commit but none is
      // answered, so the client re-sends the job once more, after it ran.
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> submitsWaitingLongerThan(monitor, 1_500) >= 3);
      lock.commit();

      await().atMost(Duration.ofSeconds(30)).until(() -> runs.containsKey("once"));
      client.submitJob(job("after"));
      await().atMost(Duration.ofSeconds(90)).until(() -> runs.containsKey("after"));

      assertThat(runs.get("once").get()).as("runs of the job").isEqualTo(1);
      long received =
          store.jobLogs().query(JobLogQuery.forTask(GROUP, "once", 100)).items().stream()
              .filter(e -> e.type() == JobLogType.RECEIVED)
              .count();
      assertThat(received).as("jobs stored for the submit").isEqualTo(1);
    } finally {
      client.stop();
    }
  }

  private static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    return job;
  }

  /** Submits blocked on the table lock, when every one of them has waited {@code millis}. */
  private static int submitsWaitingLongerThan(Connection c, long millis) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), COALESCE(MIN(EXTRACT(EPOCH FROM (clock_timestamp() -"
                    + " query_start)) * 1000), 0) FROM pg_stat_activity WHERE wait_event_type ="
                    + " 'Lock' AND query LIKE 'INSERT INTO lts_job %'")) {
      rs.next();
      return rs.getDouble(2) > millis ? rs.getInt(1) : 0;
    }
  }
}
