package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.config.ConfigKeys;
import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import com.lts.core.event.NodeEvent;
import com.lts.core.failstore.FailStore;
import com.lts.core.failstore.FailStores;
import com.lts.core.internal.json.Json;
import com.lts.core.store.JdbcFixture;
import com.lts.jobclient.DeadLetteredJob;
import com.lts.jobclient.RetryJobClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a RetryJobClient kept while no JobTracker was up is sent however large, and a job that can
 * never be accepted is set aside without holding up or dropping the others.
 */
class RetryJobClientDeadLetterTest {

  private static final String GROUP = "patient";
  private static final Map<String, String> SMALL_FRAMES = Map.of("netty.frame.length.max", "65536");

  @TempDir Path dir;

  private JdbcFixture database;
  private LocalCluster cluster;
  private final List<Runnable> stops = new ArrayList<>();

  @BeforeEach
  void setUp() {
    database = JdbcFixture.h2();
    cluster = LocalCluster.start(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    stops.forEach(Runnable::run);
    cluster.close();
    database.drop();
  }

  private static Job job(String taskId, int paramChars) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(GROUP);
    if (paramChars > 0) {
      job.setParam("payload", "x".repeat(paramChars));
    }
    return job;
  }

  private static List<Job> jobs(String prefix, int count, int paramChars) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      jobs.add(job(prefix + i, paramChars));
    }
    return jobs;
  }

  @Test
  void bigJobsSavedWhileNoJobTrackerIsUpAreAllStoredAfterwardsAndSmallOnesBehindThemToo() {
    RetryJobClient client = cluster.retryJobClient("web", results -> {}, SMALL_FRAMES);
    // 60 jobs of 5,000 characters: about 300 KB, several times the 64 KiB frame limit
    Response big = client.submitJob(jobs("big-", 60, 5_000));
    assertThat(big.getCode()).isEqualTo(ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER);
    Response small = client.submitJob(jobs("small-", 10, 0));
    assertThat(small.getCode()).isEqualTo(ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER);

    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 8, runner);
    await().atMost(Duration.ofSeconds(60)).until(() -> runner.runs.size() == 70);
    assertThat(client.deadLetterCount()).isZero();
  }

  @Test
  void aJobTooLargeForOneFrameIsRefusedUpFrontNamingItAndItsSize() {
    RetryJobClient client = cluster.retryJobClient("web", results -> {}, SMALL_FRAMES);
    // valid (under the 32,768-character limit of params) but 75 KB as UTF-8 JSON
    Job huge = job("huge", 0);
    huge.setParam("payload", "\u20ac".repeat(25_000));
    Response response = client.submitJob(List.of(job("fine", 10), huge));
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_FIELD_CHECK_ERROR);
    assertThat(response.getFailedJobs()).extracting(Job::getTaskId).containsExactly("huge");
    assertThat(response.getMsg())
        .contains("'huge'")
        .contains("bytes as JSON")
        .contains("netty.frame.length.max = 65536");
  }

  @Test
  void aSavedJobThatBecameInvalidIsDeadLetteredAndTheOthersOfItsBatchAreStored() {
    RetryJobClient client = cluster.retryJobClient("web", results -> {});
    List<NodeEvent> events = new CopyOnWriteArrayList<>();
    client.addNodeListener(events::add);
    // A cron job whose only instant is a few seconds away, saved between ordinary jobs
    ZonedDateTime instant = ZonedDateTime.now(ZoneId.systemDefault()).plusSeconds(4);
    Job once = job("once", 0);
    once.setCronExpression(
        String.format(
            "%d %d %d %d %d ? %d",
            instant.getSecond(),
            instant.getMinute(),
            instant.getHour(),
            instant.getDayOfMonth(),
            instant.getMonthValue(),
            instant.getYear()));
    List<Job> batch = new ArrayList<>(jobs("before-", 5, 0));
    batch.add(once);
    batch.addAll(jobs("after-", 5, 0));
    assertThat(client.submitJob(batch).getCode())
        .isEqualTo(ResponseCode.SUBMIT_FAILED_AND_SAVE_FOR_LATER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> ZonedDateTime.now().isAfter(instant.plusSeconds(1)));

    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 4, runner);
    await().atMost(Duration.ofSeconds(60)).until(() -> runner.runs.size() == 10);
    await().atMost(Duration.ofSeconds(10)).until(() -> client.deadLetterCount() == 1);
    DeadLetteredJob letter = client.deadLetters(10).get(0);
    assertThat(letter.job().getTaskId()).isEqualTo("once");
    assertThat(letter.reason()).contains("has no instant in the future");
    assertThat(runner.runs).doesNotContainKey("once");
    assertThat(events)
        .anySatisfy(
            e ->
                assertThat(e)
                    .isInstanceOfSatisfying(
                        NodeEvent.FailStoreDeadLetter.class,
                        d -> assertThat(d.what()).contains("'once'")));

    client.removeDeadLetters(List.of(letter.id()));
    assertThat(client.deadLetterCount()).isZero();
  }

  @Test
  void aCorruptFailStoreEntryIsMovedAsideAndTheRestIsSent() {
    cluster.jobTracker(database.config());
    CountingRunner runner = new CountingRunner();
    cluster.taskTracker(GROUP, 4, runner);
    String identity = "JC_corrupt_test";
    Path dataPath = dir.resolve("jc-corrupt");
    byte[] corrupt = "{\"taskId\":\"broken\", garbage".getBytes(StandardCharsets.UTF_8);
    RetryJobClient client = new RetryJobClient();
    client.setIdentity(identity);
    client.setDataPath(dataPath.toString());
    client.setNodeGroup("web");
    client.setRegistryAddress(cluster.registryAddress());
    String type = FailStores.choose(ConfigKeys.FAIL_STORE.defaultValue()).name();
    Path folder = dataPath.resolve(".lts/JOB_CLIENT/web/failstore").resolve(type).resolve(identity);
    try (FailStore store = FailStores.choose(type).open(folder)) {
      store.put(Json.toBytes(job("first", 0)));
      store.put(corrupt);
      store.put(Json.toBytes(job("second", 0)));
    }
    client.start();
    stops.add(client::stop);

    await().atMost(Duration.ofSeconds(30)).until(() -> runner.runs.size() == 2);
    assertThat(runner.runs).containsOnlyKeys("first", "second");
    await().atMost(Duration.ofSeconds(10)).until(() -> client.deadLetterCount() == 1);
    DeadLetteredJob letter = client.deadLetters(10).get(0);
    assertThat(letter.job()).isNull();
    assertThat(letter.raw()).isEqualTo(corrupt);
    assertThat(letter.reason()).startsWith("unreadable entry");
  }
}
