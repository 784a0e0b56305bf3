package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.Response;
import com.lts.core.domain.Result;
import com.lts.core.monitor.MetricNames;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.NodeStats;
import com.lts.core.store.Store;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known workload on an in-process cluster gives exactly the expected figures, both as meters in
 * the registry the nodes were given and summed over the rows in {@code lts_node_stats} (taken every
 * 200 ms here instead of every minute, and sent by the TaskTracker and JobClient over
 * NODE_STATS_SEND).
 */
class NodeStatsTest {

  private static final String GROUP = "metered";

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;
  private Store store;

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.drop();
    }
  }

  @Test
  void aKnownWorkloadGivesExactlyItsCountsInTheRegistryAndInTheStatsRows() {
    database = JdbcFixture.h2();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    cluster =
        LocalCluster.start(dir)
            .beforeStart(
                node -> {
                  node.setMeterRegistry(registry);
                  node.addConfig("lts.stats.interval", "200ms");
                });
    JobTracker jobTracker = cluster.jobTracker(database.config());
    TaskTracker taskTracker =
        cluster.taskTracker(
            GROUP,
            4,
            new JobRunner() {
              @Override
              public Result run(JobContext context) {
                return new Result(Action.valueOf(context.getJob().getParam("outcome")), "as asked");
              }
            });
    List<JobResult> feedback = new CopyOnWriteArrayList<>();
    JobClient client = cluster.jobClient("metered-client", feedback::addAll);

    // 6 succeed, 2 fail, 2 ask to run later with one retry allowed: they run twice, are retried
    // once and then dead-lettered.
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Action outcome =
          i < 6 ? Action.EXECUTE_SUCCESS : i < 8 ? Action.EXECUTE_FAILED : Action.EXECUTE_LATER;
      Job job = new Job();
      job.setTaskId("job-" + i);
      job.setTaskTrackerNodeGroup(GROUP);
      job.setParam("outcome", outcome.name());
      job.setMaxRetryTimes(1);
      job.setNeedFeedback(true);
      jobs.add(job);
    }
    Response response = client.submitJob(jobs);
    assertThat(response.isSuccess()).as(response.toString()).isTrue();

    String jt = jobTracker.self().getIdentity();
    String tt = taskTracker.self().getIdentity();
    String jc = client.self().getIdentity();
    Map<String, Double> expectedJobTracker =
        Map.of(
            "lts.jobs.received{group=metered}", 10.0,
            "lts.jobs.dispatched{group=metered}", 12.0,
            "lts.jobs.completed{action=EXECUTE_SUCCESS,group=metered}", 6.0,
            "lts.jobs.completed{action=EXECUTE_FAILED,group=metered}", 2.0,
            "lts.jobs.completed{action=EXECUTE_LATER,group=metered}", 2.0,
            "lts.jobs.retried{group=metered}", 2.0,
            "lts.jobs.dead.lettered{group=metered}", 2.0,
            "lts.feedback.sent", 10.0,
            "lts.store.submit.count", 1.0);
    Map<String, Double> expectedTaskTracker =
        Map.of(
            "lts.jobs.run{action=EXECUTE_SUCCESS}", 6.0,
            "lts.jobs.run{action=EXECUTE_FAILED}", 2.0,
            "lts.jobs.run{action=EXECUTE_LATER}", 4.0,
            "lts.jobs.run.time.count", 12.0);
    Map<String, Double> expectedJobClient =
        Map.of("lts.jobs.submitted", 10.0, "lts.feedback.received", 10.0);

    await().atMost(Duration.ofSeconds(30)).until(() -> feedback.size() == 10);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(counter(registry, MetricNames.FEEDBACK_SENT, jt)).isEqualTo(10.0);
              assertThat(counter(registry, MetricNames.FEEDBACK_RECEIVED, jc)).isEqualTo(10.0);
            });
    assertThat(counter(registry, MetricNames.JOBS_RECEIVED, jt, "group", GROUP)).isEqualTo(10.0);
    assertThat(counter(registry, MetricNames.JOBS_DISPATCHED, jt, "group", GROUP)).isEqualTo(12.0);
    assertThat(
            counter(
                registry,
                MetricNames.JOBS_COMPLETED,
                jt,
                "group",
                GROUP,
                "action",
                "EXECUTE_SUCCESS"))
        .isEqualTo(6.0);
    assertThat(counter(registry, MetricNames.JOBS_RETRIED, jt, "group", GROUP)).isEqualTo(2.0);
    assertThat(counter(registry, MetricNames.JOBS_DEAD_LETTERED, jt, "group", GROUP))
        .isEqualTo(2.0);
    assertThat(counter(registry, MetricNames.JOBS_RUN, tt, "action", "EXECUTE_LATER"))
        .isEqualTo(4.0);
    assertThat(
            RequiredSearch.in(registry)
                .name(MetricNames.JOBS_RUN_TIME)
                .tag(MetricNames.TAG_NODE, tt)
                .timer()
                .count())
        .isEqualTo(12);
    assertThat(counter(registry, MetricNames.JOBS_SUBMITTED, jc)).isEqualTo(10.0);
    assertThat(
            RequiredSearch.in(registry)
                .name(MetricNames.THREADS_FREE)
                .tag(MetricNames.TAG_NODE, tt)
                .gauge()
                .value())
        .isEqualTo(4.0);

    assertThat(taskTracker.health())
        .satisfies(
            h -> {
              assertThat(h.status()).isEqualTo("UP");
              assertThat(h.storeReachable()).isNull();
              assertThat(h.failStoreBacklog()).isZero();
              assertThat(h.nodeGroup()).isEqualTo(GROUP);
            });
    assertThat(jobTracker.health().storeReachable()).isTrue();

    // Stopping a node reports its last interval, so the rows now hold everything counted.
    client.stop();
    taskTracker.stop();
    store = database.open(Clock.systemUTC());
    assertThat(feedback).hasSize(10);
    assertThat(sums(jc)).containsAllEntriesOf(expectedJobClient);
    assertThat(sums(tt)).containsAllEntriesOf(expectedTaskTracker);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(sums(jt)).containsAllEntriesOf(expectedJobTracker));
    jobTracker.stop();
    assertThat(sums(jt)).containsAllEntriesOf(expectedJobTracker);
    NodeStats last = rows(tt).get(rows(tt).size() - 1);
    assertThat(last.nodeGroup()).isEqualTo(GROUP);
    assertThat(last.values()).containsKeys("jvm.heap.used", "jvm.threads", "jvm.gc.count");
  }

  private List<NodeStats> rows(String identity) {
    return store.nodeStats().query(identity, 0, Long.MAX_VALUE);
  }

  /** Each figure summed over all of a node's rows. */
  private Map<String, Double> sums(String identity) {
    Map<String, Double> sums = new java.util.HashMap<>();
    for (NodeStats row : rows(identity)) {
      row.values().forEach((name, value) -> sums.merge(name, value, Double::sum));
    }
    return sums;
  }

  private static double counter(
      SimpleMeterRegistry registry, String name, String node, String... tags) {
    return RequiredSearch.in(registry)
        .name(name)
        .tag(MetricNames.TAG_NODE, node)
        .tags(tags)
        .counter()
        .count();
  }
}
