package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.RetryJobClient;
import com.lts.jobtracker.JobTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing is lost while every JobTracker is down: submits and results wait in FailStores. */
class RetryJobClientTest {

  private static final String GROUP = "patient";

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

  private static List<Job> batch(int from, int count) {
    List<Job> jobs = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      Job job = new Job();
      job.setTaskId("job-" + i);
      job.setTaskTrackerNodeGroup(GROUP);
      job.setNeedFeedback(true);
      jobs.add(job);
    }
    return jobs;
  }

  @Test
  void submitsMadeWhileEveryJobTrackerIsDownForTwentySecondsAllArriveAfterwards() {
    JobTracker first = cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 8, runner);
    List<JobResult> results = new CopyOnWriteArrayList<>();
    RetryJobClient client = cluster.retryJobClient("web", results::addAll);
    assertThat(client.submitJob(batch(0, 10)).getCode())
        .isEqualTo(ResponseCode.JOB_RECEIVE_SUCCESS);
    await().atMost(Duration.ofSeconds(20)).until(() -> results.size() == 10);

    first.stop();
    long downSince = System.nanoTime();
    int submitted = 10;
    while (System.nanoTime() - downSince < TimeUnit.SECONDS.toNanos(20)) {
      Response response = client.submitJob(batch(submitted, 50));
      assertThat(response.isSuccess()).as(response.toString()).isTrue();
      assertThat(response.getCode()).isEqualTo(ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER);
      submitted += 50;
      int expected = submitted;
      await()
          .pollDelay(Duration.ofSeconds(2))
          .atMost(Duration.ofSeconds(3))
          .until(() -> expected > 0);
    }
    assertThat(results).as("nothing ran while no JobTracker was up").hasSize(10);

    cluster.jobTracker(database.config());
    int total = submitted;
    await().atMost(Duration.ofSeconds(60)).until(() -> results.size() >= total);
    assertThat(runner.runs).hasSize(total);
    assertThat(runner.runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    assertThat(results).extracting(r -> r.getJob().getTaskId()).doesNotHaveDuplicates();

    Response afterwards = client.submitJob(batch(total, 5));
    assertThat(afterwards.getCode())
        .as("once the FailStore is empty, submits go straight to a JobTracker again")
        .isEqualTo(ResponseCode.JOB_RECEIVE_SUCCESS);
  }

  @Test
  void invalidJobsAreRefusedNotKept() {
    RetryJobClient client = cluster.retryJobClient("web", results -> {});
    Job invalid = new Job();
    invalid.setTaskTrackerNodeGroup(GROUP);
    Response response = client.submitJob(invalid);
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_FIELD_CHECK_ERROR);
  }

  @Test
  void aTaskTrackerKeepsResultsWhileNoJobTrackerIsReachableAndReportsThemLater() throws Exception {
    cluster.leaseMillis(60_000); // the outage must not outlast the lease, or the job runs again
    JobTracker first = cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 2, runner);
    List<JobResult> results = new CopyOnWriteArrayList<>();
    RetryJobClient client = cluster.retryJobClient("web", results::addAll);

    Job blocking = batch(0, 1).get(0);
    blocking.setParam("action", "BLOCK");
    assertThat(client.submitJob(blocking).isSuccess()).isTrue();
    assertThat(runner.blocked.await(20, TimeUnit.SECONDS)).isTrue();

    first.stop();
    runner.release.countDown(); // the job ends while no JobTracker can hear about it
    await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);

    cluster.jobTracker(database.config());
    await().atMost(Duration.ofSeconds(30)).until(() -> results.size() == 1);
    assertThat(results.get(0).getAction()).isEqualTo(Action.EXECUTE_SUCCESS);
    assertThat(results.get(0).getMsg()).isEqualTo("released");
    assertThat(runner.runsOf("job-0")).as("reported, not run again").isEqualTo(1);
  }
}
