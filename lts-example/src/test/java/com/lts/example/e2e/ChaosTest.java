package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.store.JdbcFixture;
import com.lts.core.testing.Services;
import com.lts.jobtracker.JobTrackerMain;
import java.io.IOException;
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
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JobTrackers, three TaskTrackers and a RetryJobClient, each a JVM, with the default lease, on
 * MariaDB (and on PostgreSQL with {@code -Dlts.long.tests=true}); while 5,000 {@code needFeedback}
 * jobs run, a seeded random sequence {@code kill -9}s TaskTrackers and JobTrackers, freezes
 * JobTrackers (SIGSTOP, then SIGCONT) and restarts what it killed. Afterwards every job ran and
 * completed once, only jobs whose TaskTracker was killed ran again, and every result reached the
 * JobClient's handler exactly once. Set {@code -Dlts.chaos.seed=N} to replay a run's sequence of
 * faults.
 */
class ChaosTest {

  private static final String GROUP = "chaos";
  private static final int JOBS = 5_000;
  private static final long CHAOS_MILLIS = 60_000;
  private static final int MIN_FAULTS = 5;

  @TempDir Path dir;

  private LocalCluster zooKeeperOnly;
  private Processes processes;
  private JdbcFixture database;
  private String user;

  @BeforeEach
  void setUp() throws Exception {
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

  /**
   * On demand ({@code -Dlts.long.tests=true}): CI's time goes to MariaDB, the store LTS users run
   * most.
   */
  @Test
  @EnabledIfSystemProperty(named = "lts.long.tests", matches = "true")
  void onPostgreSqlNoJobIsLostRunTwiceWithoutADeathOrFedBackTwice() throws Exception {
    Services.assumeReachable("PostgreSQL", "127.0.0.1", 5432);
    database = JdbcFixture.postgreSql();
    user = "postgres";
    chaos("postgresql");
  }

  @Test
  void onMariaDbNoJobIsLostRunTwiceWithoutADeathOrFedBackTwice() throws Exception {
    Services.assumeReachable("MariaDB", "127.0.0.1", 3306);
    database = JdbcFixture.mariaDb();
    user = "root";
    chaos("mysql");
  }

  private void chaos(String queue) throws Exception {
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
            + "job.queue="
            + queue
            + "\n"
            + "jdbc.url="
            + database.url()
            + "\n"
            + "jdbc.username="
            + user
            + "\n"
            + "zk.session.timeout=4000\n");
    Path runs = dir.resolve("runs.txt");
    Path feedback = dir.resolve("feedback.txt");

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
            dir.resolve("client").toString(),
            feedback.toString());

    long chaosEnds = System.currentTimeMillis() + CHAOS_MILLIS;
    // On a loaded machine restarting a killed JVM takes long: the chaos goes on past its minute
    // until MIN_FAULTS happened, within a hard limit.
    long chaosLimit = chaosEnds + CHAOS_MILLIS;
    Map<String, Integer> faults = new HashMap<>();
    int round = 0;
    while ((System.currentTimeMillis() < chaosEnds || round < MIN_FAULTS)
        && System.currentTimeMillis() < chaosLimit
        && ended(runs) < JOBS) {
      pause(3_000 + random.nextInt(4_000));
      // Each kind of fault once first (kill a JobTracker, freeze one, kill a TaskTracker), then
      // at random, TaskTrackers twice as often.
      int dice = round < 3 ? round : random.nextInt(4);
      round++;
      if (dice == 0) {
        int victim = random.nextInt(jobTrackers.size());
        System.out.println("chaos: kill -9 JobTracker " + victim);
        jobTrackers.get(victim).process().destroyForcibly().waitFor();
        pause(1_000 + random.nextInt(3_000));
        jobTrackers.set(victim, jobTracker(config));
        faults.merge("JobTracker kill -9", 1, Integer::sum);
      } else if (dice == 1) {
        int victim = random.nextInt(jobTrackers.size());
        long frozen = 2_000 + random.nextInt(5_000);
        System.out.println("chaos: SIGSTOP JobTracker " + victim + " for " + frozen + " ms");
        Processes.signal(jobTrackers.get(victim).process(), "STOP");
        pause(frozen);
        Processes.signal(jobTrackers.get(victim).process(), "CONT");
        faults.merge("JobTracker SIGSTOP", 1, Integer::sum);
      } else {
        int victim = random.nextInt(taskTrackers.size());
        String identity = identity(taskTrackers.get(victim));
        System.out.println("chaos: kill -9 TaskTracker " + identity);
        killedTaskTrackers.add(identity);
        taskTrackers.get(victim).process().destroyForcibly().waitFor();
        pause(500 + random.nextInt(2_000));
        taskTrackers.set(victim, taskTracker(runs));
        faults.merge("TaskTracker kill -9", 1, Integer::sum);
      }
    }
    System.out.println("chaos: faults " + faults + "; waiting for the rest of the jobs");
    client.awaitOutput("SUBMITTED", Duration.ofMinutes(2));
    try {
      await()
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  ended(runs) == JOBS
                      && count("SELECT COUNT(*) FROM lts_job") == 0
                      && fedBack(feedback).size() == JOBS
                      && count("SELECT COUNT(*) FROM lts_feedback") == 0);
    } catch (ConditionTimeoutException e) {
      // The figures below say what is missing.
    }

    List<String> ranAgainWithoutADeath = ranAgainWithoutADeath(runs, killedTaskTrackers);
    Map<String, Integer> fedBack = fedBack(feedback);
    long lost = JOBS - ended(runs);
    long feedbackLost = JOBS - fedBack.size();
    long feedbackDoubled = fedBack.values().stream().filter(n -> n > 1).count();
    System.out.printf(
        "CHAOS %s: faults %s, %d jobs, %d lost, %d completed twice, %d ran again without a death,"
            + " %d results not fed back, %d fed back twice, %d ran again after a death%n",
        queue,
        faults,
        JOBS,
        lost,
        completedTwice().size(),
        ranAgainWithoutADeath.size(),
        feedbackLost,
        feedbackDoubled,
        ranAgainAfterADeath(runs));

    assertThat(faults.values().stream().mapToInt(Integer::intValue).sum())
        .as("the chaos happened")
        .isGreaterThanOrEqualTo(MIN_FAULTS);
    assertThat(faults)
        .as("every kind of fault happened")
        .containsKeys("JobTracker kill -9", "JobTracker SIGSTOP", "TaskTracker kill -9");
    assertThat(lost).as("jobs that never finished a run").isZero();
    assertThat(count("SELECT COUNT(*) FROM lts_job")).as("nothing left in the queues").isZero();
    assertThat(completedTwice()).as("jobs completed more than once").isEmpty();
    assertThat(ranAgainWithoutADeath).as("jobs run again though no TaskTracker died").isEmpty();
    assertThat(feedbackLost).as("results that never reached the handler").isZero();
    assertThat(feedbackDoubled).as("results the handler was given twice").isZero();
    assertThat(count("SELECT COUNT(*) FROM lts_feedback")).as("unacknowledged results").isZero();
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
            "default",
            runs.toString());
    started.awaitOutput("WORKER TT_", Duration.ofSeconds(60));
    return started;
  }

  private static void pause(long millis) {
    await().pollDelay(Duration.ofMillis(millis)).until(() -> true);
  }

  private static String identity(Processes.Started worker) {
    String out = worker.awaitOutput("WORKER TT_", Duration.ofSeconds(1));
    int at = out.indexOf("WORKER ") + 7;
    return out.substring(at, out.indexOf(' ', at));
  }

  /** Jobs with a finished run: the runs file is written straight to the OS by each run. */
  private static long ended(Path runs) throws IOException {
    if (!Files.exists(runs)) {
      return 0;
    }
    return Files.readAllLines(runs).stream()
        .filter(l -> l.startsWith("END "))
        .map(l -> l.split(" ")[1])
        .distinct()
        .count();
  }

  /** Starts per task, oldest attempt first: {@code START taskId attempt identity}. */
  private static Map<String, List<String[]>> startsByTask(Path runs) throws IOException {
    Map<String, List<String[]>> starts = new HashMap<>();
    for (String line : Files.readAllLines(runs)) {
      String[] part = line.split(" ");
      if (part[0].equals("START")) {
        starts.computeIfAbsent(part[1], t -> new ArrayList<>()).add(part);
      }
    }
    starts
        .values()
        .forEach(s -> s.sort((a, b) -> Long.compare(Long.parseLong(a[2]), Long.parseLong(b[2]))));
    return starts;
  }

  /** A job may run again only when the TaskTracker of its earlier run was killed. */
  private static List<String> ranAgainWithoutADeath(Path runs, Set<String> killed)
      throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, List<String[]>> e : startsByTask(runs).entrySet()) {
      List<String[]> starts = e.getValue();
      for (int i = 0; i < starts.size() - 1; i++) {
        if (!killed.contains(starts.get(i)[3])) {
          wrong.add(e.getKey() + " attempt " + starts.get(i)[2] + " on " + starts.get(i)[3]);
        }
      }
    }
    return wrong;
  }

  private static long ranAgainAfterADeath(Path runs) throws IOException {
    return startsByTask(runs).values().stream().filter(s -> s.size() > 1).count();
  }

  /** Results the handler took, per task. */
  private static Map<String, Integer> fedBack(Path feedback) throws IOException {
    Map<String, Integer> byTask = new HashMap<>();
    if (Files.exists(feedback)) {
      for (String line : Files.readAllLines(feedback)) {
        if (line.startsWith("FEEDBACK ")) {
          byTask.merge(line.split(" ")[1], 1, Integer::sum);
        }
      }
    }
    return byTask;
  }

  private List<String> completedTwice() throws SQLException {
    List<String> twice = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(database.url(), user, null);
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
    try (Connection c = DriverManager.getConnection(database.url(), user, null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
