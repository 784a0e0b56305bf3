package com.lts.jobtracker.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.lts.core.domain.Job;
import com.lts.core.internal.json.Json;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.Store;
import com.lts.jobtracker.JobTracker;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JobTrackers, one webhook receiver on loopback (which fails the first request) and one SMTP
 * server in this JVM: an incident is received exactly once by each, and its end once.
 */
class AlertsClusterTest {

  private static final String GROUP = "backlogged";

  @TempDir Path dir;

  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<JobTracker> jobTrackers = new ArrayList<>();
  private EmbeddedZooKeeper zooKeeper;
  private HttpServer webhook;
  private GreenMail smtp;
  private Store store;

  @AfterEach
  void stop() {
    jobTrackers.forEach(JobTracker::stop);
    if (store != null) {
      store.close();
    }
    if (webhook != null) {
      webhook.stop(0);
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (zooKeeper != null) {
      zooKeeper.close();
    }
  }

  private void startWebhook() throws Exception {
    webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    webhook.createContext(
        "/robot",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int status = requests.incrementAndGet() == 1 ? 500 : 200; // the first one fails
          if (status == 200) {
            accepted.add(body);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    webhook.start();
  }

  private JobTracker jobTracker(int n) {
    return jobTracker(n, true);
  }

  private JobTracker jobTracker(int n, boolean queueDepthRule) {
    JobTracker jobTracker = new JobTracker();
    jobTracker.setRegistryAddress(zooKeeper.address());
    jobTracker.setClusterName("alerts");
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(dir.resolve("jt" + n).toString());
    jobTracker.setStore(store);
    jobTracker.addConfig("lts.alert.interval", "100ms");
    if (queueDepthRule) {
      jobTracker.addConfig("lts.alert.queue.depth.threshold", "3");
    }
    jobTracker.addConfig("lts.alert.quiet.period", "0");
    jobTracker.addConfig(
        "lts.alert.webhook.url", "http://127.0.0.1:" + webhook.getAddress().getPort() + "/robot");
    jobTracker.addConfig("lts.alert.webhook.template", "dingtalk");
    jobTracker.addConfig("lts.alert.mail.smtp.host", "127.0.0.1");
    jobTracker.addConfig("lts.alert.mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
    jobTracker.addConfig("lts.alert.mail.to", "ops@example.com");
    jobTracker.start();
    jobTrackers.add(jobTracker);
    return jobTracker;
  }

  @Test
  void anIncidentIsReceivedOnceByWebhookAndMailAndItsEndOnceWithTwoJobTrackers() throws Exception {
    zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zk"), 0);
    startWebhook();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    store = JdbcFixture.h2().open(Clock.systemUTC());
    jobTracker(1);
    jobTracker(2);

    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Job job = new Job();
      job.setTaskId("waiting-" + i);
      job.setTaskTrackerNodeGroup(GROUP);
      jobs.add(job);
    }
    store.jobs().submit(jobs); // no TaskTracker of the group: they wait

    String firing =
        "[LTS alerts] FIRING queue.depth group=" + GROUP + ": 4 jobs wait to run (threshold 3)";
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> accepted.size() == 1 && smtp.getReceivedMessages().length == 1);
    assertThat(content(accepted.get(0))).startsWith(firing);
    assertThat(requests.get()).isEqualTo(2); // the failed first try, then the one taken

    jobs.forEach(job -> store.jobs().cancel(GROUP, job.getTaskId()));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> accepted.size() == 2 && smtp.getReceivedMessages().length == 2);
    assertThat(content(accepted.get(1)))
        .startsWith("[LTS alerts] RESOLVED queue.depth group=" + GROUP + ": resolved");
    assertThat(Arrays.stream(smtp.getReceivedMessages()).map(AlertsClusterTest::subject))
        .containsExactly(
            firing,
            "[LTS alerts] RESOLVED queue.depth group="
                + GROUP
                + ": resolved (was: 4 jobs wait to run (threshold 3))");
    assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString())
        .isEqualTo("ops@example.com");
    assertThat(accepted).hasSize(2);
  }

  @Test
  void aRuleAnOperatorStoredTakesEffectAtTheNextCheck() throws Exception {
    zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zk"), 0);
    startWebhook();
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    store = JdbcFixture.h2().open(Clock.systemUTC());
    jobTracker(1, false); // no queue depth rule configured
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Job job = new Job();
      job.setTaskId("waiting-" + i);
      job.setTaskTrackerNodeGroup(GROUP);
      jobs.add(job);
    }
    store.jobs().submit(jobs);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> jobTrackers.get(0).health().master()); // its alert duty runs
    assertThat(accepted).isEmpty();

    store.settings().put("lts.alert.queue.depth.threshold", "3", "ops");
    await().atMost(Duration.ofSeconds(20)).until(() -> accepted.size() == 1);
    assertThat(content(accepted.get(0)))
        .startsWith("[LTS alerts] FIRING queue.depth group=" + GROUP);

    store.settings().put("lts.alert.queue.depth.threshold", "10", "ops");
    await().atMost(Duration.ofSeconds(20)).until(() -> accepted.size() == 2);
    assertThat(content(accepted.get(1))).startsWith("[LTS alerts] RESOLVED queue.depth");
  }

  @SuppressWarnings("unchecked")
  private static String content(String dingTalkBody) {
    Map<String, Object> body = Json.fromJson(dingTalkBody, Map.class);
    assertThat(body).containsEntry("msgtype", "text");
    return (String) ((Map<String, Object>) body.get("text")).get("content");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
