package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.node.AbstractNode;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.RetryJobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Keys that take effect on a running cluster, and the warnings a node gives at start. */
class ConfigKeysInEffectTest {

  private static final String GROUP = "configured";

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger nodeLog = (Logger) LoggerFactory.getLogger(AbstractNode.class);

  @BeforeEach
  void setUp() {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir);
    logged.start();
    nodeLog.addAppender(logged);
  }

  @AfterEach
  void tearDown() throws Exception {
    nodeLog.detachAppender(logged);
    cluster.close();
    database.drop();
  }

  private static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    return job;
  }

  @Test
  void submitsOverTheRateLimitAreRefusedWithNothingSent() {
    cluster.jobTracker(database.config());
    JobClient client =
        cluster.jobClient(
            "web",
            results -> {},
            Map.of("job.submit.maxQPS", "10", "job.submit.lock.acquire.timeout", "0"));
    long start = System.nanoTime();
    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      responses.add(client.submitJob(job("fast-" + i)));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long accepted = responses.stream().filter(Response::isSuccess).count();
    assertThat(accepted)
        .isGreaterThanOrEqualTo(10)
        .isLessThanOrEqualTo(10 + (long) (seconds * 10) + 1);
    assertThat(responses)
        .filteredOn(r -> !r.isSuccess())
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.getCode()).isEqualTo(ResponseCode.SUBMIT_TOO_BUSY);
              assertThat(r.getMsg()).contains("job.submit.maxQPS").contains("10 submits");
              assertThat(r.getFailedJobs()).hasSize(1);
            });
  }

  @Test
  void aJobTrackerRefusesSubmitsOverItsBatchAndPerClientRateLimits() {
    cluster.beforeStart(
        node -> {
          if (node instanceof JobTracker jobTracker) {
            jobTracker.addConfig("jobtracker.submit.batch.max.jobs", "5");
            jobTracker.addConfig("jobtracker.submit.maxQPS.per.client", "2");
          }
        });
    cluster.jobTracker(database.config());
    JobClient client = cluster.jobClient("web", results -> {}, Map.of());

    List<Job> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(job("batch-" + i));
    }
    Response batch = client.submitJob(six);
    assertThat(batch.getCode()).isEqualTo(ResponseCode.REQUEST_FIELD_CHECK_ERROR);
    assertThat(batch.getMsg()).contains("6 jobs in one submit").contains("batch.max.jobs");

    // A client that ignores its own job.submit.maxQPS meets the JobTracker's limit.
    Response busy = null;
    for (int i = 0; i < 200 && busy == null; i++) {
      Response r = client.submitJob(job("quick-" + i));
      if (!r.isSuccess()) {
        busy = r;
      }
    }
    assertThat(busy).isNotNull();
    assertThat(busy.getCode()).isEqualTo(ResponseCode.SUBMIT_TOO_BUSY);
    assertThat(busy.getMsg()).contains("jobtracker.submit.maxQPS.per.client");
  }

  @Test
  void aRetryJobClientKeepsSubmitsOverTheRateLimitAndSendsThemLater() {
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 4, runner);
    List<JobResult> results = new CopyOnWriteArrayList<>();
    RetryJobClient client =
        cluster.retryJobClient(
            "web",
            results::addAll,
            Map.of("job.submit.maxQPS", "10", "job.submit.lock.acquire.timeout", "0ms"));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Job job = job("kept-" + i);
      job.setNeedFeedback(true);
      Response response = client.submitJob(job);
      assertThat(response.isSuccess()).as(response.toString()).isTrue();
      codes.add(response.getCode());
    }
    assertThat(codes).contains(ResponseCode.SUBMIT_TOO_BUSY_AND_SAVE_FOR_LATER);
    await().atMost(Duration.ofSeconds(30)).until(() -> results.size() == 30);
  }

  @Test
  void aTaskTrackerCutOffForLongerThanALeaseStopsItsJobsWhenAskedTo() throws Exception {
    JobTracker jobTracker = cluster.leaseMillis(2_000).jobTracker(database.config());
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    JobRunner blocking =
        new JobRunner() {
          @Override
          public void run(Job job) {
            started.countDown();
            try {
              new CountDownLatch(1).await();
            } catch (InterruptedException e) {
              interrupted.countDown();
            }
          }
        };
    cluster.taskTracker(GROUP, 1, blocking, Map.of("tasktracker.stop.working.enable", "true"));
    JobClient client = cluster.jobClient("web", results -> {});
    assertThat(client.submitJob(job("cut-off")).isSuccess()).isTrue();
    assertThat(started.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    jobTracker.stop(); // no JobTracker left to renew the lease with

    assertThat(interrupted.await(20, java.util.concurrent.TimeUnit.SECONDS))
        .as("the running job was interrupted")
        .isTrue();
  }

  @Test
  void aNodeWarnsOnceAtStartForEachRetiredKeyAndEachKeyOfAnotherRole() {
    cluster.jobTracker(database.config());
    cluster.taskTracker(
        GROUP,
        1,
        new CountingRunner(),
        Map.of("job.preloader.size", "300", "jdbc.url", "jdbc:h2:mem:unused"));
    List<String> warnings =
        logged.list.stream()
            .filter(e -> e.getLevel() == Level.WARN)
            .map(ILoggingEvent::getFormattedMessage)
            .toList();
    assertThat(warnings)
        .filteredOn(w -> w.contains("job.preloader.size"))
        .singleElement()
        .asString()
        .contains("is retired and has no effect")
        .contains("claims due jobs straight from the store");
    assertThat(warnings)
        .filteredOn(w -> w.contains("jdbc.url"))
        .containsExactly(
            "Config key 'jdbc.url' has no effect on a TaskTracker: only JobTracker and LTS Admin read it");
  }
}
