package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production layout of docs/deployment.md in one JVM: two JobTrackers on a three-server
 * ZooKeeper ensemble. The ensemble's leader dies, then the master JobTracker stops; the other
 * JobTracker becomes master, and jobs submitted before and after all end.
 */
class EnsembleFailoverTest {

  private static final String GROUP = "ensemble_TaskTracker";

  @TempDir Path dir;

  @Test
  void survivesLosingAZooKeeperServerAndAJobTracker() throws Exception {
    JdbcFixture database = JdbcFixture.h2();
    Map<String, JobResult> results = new ConcurrentHashMap<>();
    try (TestingCluster ensemble = new TestingCluster(3)) {
      ensemble.start();
      try (LocalCluster cluster =
          LocalCluster.on(dir, "zookeeper://" + ensemble.getConnectString())) {
        JobTracker first = cluster.jobTracker(database.config());
        JobTracker second = cluster.jobTracker(database.config());
        CountingRunner runner = new CountingRunner();
        cluster.taskTracker(GROUP, 4, runner);
        JobClient client =
            cluster.jobClient(
                "ensemble_JobClient",
                done -> done.forEach(r -> results.put(r.getJob().getTaskId(), r)));
        await().atMost(Duration.ofSeconds(20)).until(() -> first.isMaster() != second.isMaster());

        submit(client, "before", 10);
        await().atMost(Duration.ofSeconds(30)).until(() -> results.size() == 10);

        InstanceSpec leader =
            ensemble.getInstances().stream()
                .filter(EnsembleFailoverTest::isLeader)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no server of the ensemble says it leads"));
        assertThat(ensemble.killServer(leader)).isTrue();
        JobTracker master = first.isMaster() ? first : second;
        JobTracker survivor = master == first ? second : first;
        master.stop();

        await().atMost(Duration.ofSeconds(45)).until(survivor::isMaster);
        submit(client, "after", 10);
        await().atMost(Duration.ofSeconds(45)).until(() -> results.size() == 20);
        assertThat(results.values()).allMatch(JobResult::isSuccess);
        for (int i = 0; i < 10; i++) {
          assertThat(runner.runsOf("after-" + i)).as("after-%s ran", i).isPositive();
        }
      }
    } finally {
      database.drop();
    }
  }

  /** Whether ZooKeeper's {@code srvr} command, asked of {@code server}, says it leads. */
  private static boolean isLeader(InstanceSpec server) {
    try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write("srvr".getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return answer.contains("Mode: leader");
    } catch (IOException e) {
      return false;
    }
  }

  private static void submit(JobClient client, String prefix, int count) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Job job = new Job();
      job.setTaskId(prefix + "-" + i);
      job.setTaskTrackerNodeGroup(GROUP);
      job.setNeedFeedback(true);
      jobs.add(job);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              Response response = client.submitJob(jobs);
              return response.isSuccess();
            });
  }
}
