package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.store.JdbcFixture;
import com.lts.core.testing.Services;
import com.lts.jobtracker.JobTrackerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JobTrackers, three TaskTrackers and a RetryJobClient, each a JVM, on PostgreSQL; while 5,000
 * jobs run, a seeded random sequence {@code kill -9}s TaskTrackers and JobTrackers and restarts
 * them. Afterwards every job completed once, and every job that ran more than once had a killed
 * TaskTracker run it first. Set {@code -Dlts.chaos.seed=N} to replay a run.
 */
class ChaosTest {

  private static final String GROUP = "chaos";
  private static final int JOBS = 5_000;
  private static final String LEASE = "5000";

  @TempDir Path dir;

  private LocalCluster zooKeeperOnly;
  private Processes processes;
  private JdbcFixture database;

  @BeforeEach
  void setUp() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    database = JdbcFixture.postgreSql();
    zooKeeperOnly = LocalCluster.start(dir);
    processes = new Processes(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    if (processes != null) {
      processes.close();
    }
    if (zooKeeperOnly != null) {
      zooKeeperOnly.close();
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

  private Processes.Started taskTracker(Path runs) throws Exception {
    Processes.Started started =
        processes.java(
            WorkerMain.class.getName(),
            zooKeeperOnly.registryAddress(),
            GROUP,
            "4",
            LEASE,
            runs.toString());
    started.awaitOutput("WORKER TT_", Duration.ofSeconds(60));
    return started;
  }

  private static String identity(Processes.Started worker) {
    String out = worker.awaitOutput("WORKER TT_", Duration.ofSeconds(1));
    int at = out.indexOf("WORKER ") + 7;
    return out.substring(at, out.indexOf(' ', at));
  }

  @Test
  void killingNodesAtRandomLosesNoJobAndCompletesNoneTwice() throws Exception {
    long seed = Long.getLong("lts.chaos.seed", System.nanoTime());
    System.out.println("ChaosTest seed: " + seed + " (replay with -Dlts.chaos.seed=" + seed + ")");
    Random random = new Random(seed);

    Path config = dir.resolve("jobtracker.properties");
    Files.writeString(
        config,
        "registryAddress="
            + zooKeeperOnly.registryAddress()
            + "\n"
            + "listenPort=0\n"
            + "dataPath="
            + dir.resolve("jt").toString().replace('\\', '/')
            + "\n"
            + "job.queue=postgresql\n"
            + "jdbc.url="
            + database.url()
            + "\n"
            + "jdbc.username=postgres\n"
            + "lts.job.lease.millis="
            + LEASE
            + "\n"
            + "zk.session.timeout=4000\n");
    Path runs = dir.resolve("runs.txt");

    List<Processes.Started> jobTrackers =
        new ArrayList<>(List.of(jobTracker(config), jobTracker(config)));
    List<Processes.Started> taskTrackers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      taskTrackers.add(taskTracker(runs));
    }
    Set<String> killedTaskTrackers = new HashSet<>();
    Processes.Started client =
        processes.java(
            ChaosClientMain.class.getName(),
            zooKeeperOnly.registryAddress(),
            GROUP,
            String.valueOf(JOBS),
            dir.resolve("client").toString());

    long chaosEnds = System.currentTimeMillis() + 75_000;
    int kills = 0;
    while (System.currentTimeMillis() < chaosEnds && ended(runs) < JOBS) {
      await().pollDelay(Duration.ofMillis(3_000 + random.nextInt(4_000))).until(() -> true);
      if (random.nextInt(3) == 0) {
        int victim = random.nextInt(jobTrackers.size());
        System.out.println("chaos: kill -9 JobTracker " + victim);
        jobTrackers.get(victim).process().destroyForcibly().waitFor();
        await().pollDelay(Duration.ofMillis(1_000 + random.nextInt(3_000))).until(() -> true);
        jobTrackers.set(victim, jobTracker(config));
      } else {
        int victim = random.nextInt(taskTrackers.size());
        String identity = identity(taskTrackers.get(victim));
        System.out.println("chaos: kill -9 TaskTracker " + identity);
        killedTaskTrackers.add(identity);
        taskTrackers.get(victim).process().destroyForcibly().waitFor();
        await().pollDelay(Duration.ofMillis(500 + random.nextInt(2_000))).until(() -> true);
        taskTrackers.set(victim, taskTracker(runs));
      }
      kills++;
    }
    System.out.println("chaos: " + kills + " kills; waiting for the rest of the jobs");
    client.awaitOutput("SUBMITTED", Duration.ofMinutes(2));
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> ended(runs) == JOBS && queued() == 0);

    assertThat(kills).as("the chaos happened").isGreaterThanOrEqualTo(5);
    assertThat(completedTwice()).as("jobs completed more than once").isEmpty();
    assertThat(queued()).as("nothing left in the queues").isZero();

    // A job that ran more than once was first run by a TaskTracker that was killed.
    Map<String, List<String[]>> startsByTask = new HashMap<>();
    for (String line : Files.readAllLines(runs)) {
      String[] part = line.split(" ");
      if (part[0].equals("START")) {
        startsByTask.computeIfAbsent(part[1], t -> new ArrayList<>()).add(part);
      }
    }
    assertThat(startsByTask).as("every job ran").hasSize(JOBS);
    for (Map.Entry<String, List<String[]>> e : startsByTask.entrySet()) {
      List<String[]> starts = e.getValue();
      starts.sort((a, b) -> Long.compare(Long.parseLong(a[2]), Long.parseLong(b[2])));
      for (int i = 0; i < starts.size() - 1; i++) {
        assertThat(killedTaskTrackers)
            .as(
                "%s ran again after attempt %s on %s",
                e.getKey(), starts.get(i)[2], starts.get(i)[3])
            .contains(starts.get(i)[3]);
      }
    }
  }

  /**
   * Jobs with a finished run. (The job log is written in batches, so a killed JobTracker can take a
   * few unwritten lines with it; the runs file and the job table cannot miss a run.)
   */
  private static long ended(Path runs) throws java.io.IOException {
    if (!Files.exists(runs)) {
      return 0;
    }
    return Files.readAllLines(runs).stream()
        .filter(l -> l.startsWith("END "))
        .map(l -> l.split(" ")[1])
        .distinct()
        .count();
  }

  private long queued() throws SQLException {
    return count("SELECT COUNT(*) FROM lts_job");
  }

  private List<String> completedTwice() throws SQLException {
    List<String> twice = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(database.url(), "postgres", null);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT task_id FROM lts_job_log WHERE log_type = 'FINISHED'"
                    + " AND msg NOT LIKE 'late result refused%' GROUP BY task_id HAVING COUNT(*) > 1")) {
      while (rs.next()) {
        twice.add(rs.getString(1));
      }
    }
    return twice;
  }

  private long count(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(database.url(), "postgres", null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
