package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.store.JdbcFixture;
import com.lts.example.spring.JavaConfigExample;
import com.lts.example.spring.ShopService;
import com.lts.example.spring.XmlExample;
import com.lts.example.spring.boot.BootExample;
import com.lts.example.spring.boot.ShopResults;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.support.GenericXmlApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The Spring examples of docs/spring.md start as written — XML, Java config, Spring Boot — against
 * a real cluster on loopback and run jobs.
 */
class SpringExamplesTest {

  @TempDir static Path dir;
  static LocalCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = LocalCluster.start(dir);
    cluster.jobTracker(JdbcFixture.h2().config());
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static Job shopJob(String taskId, String group, String shopId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(group);
    job.setParam("shopId", shopId);
    return job;
  }

  private static void awaitSynced(ConfigurableApplicationContext context, String shopId) {
    ShopService shops = context.getBean(ShopService.class);
    await().atMost(Duration.ofSeconds(20)).until(() -> shops.synced().contains(shopId));
  }

  /** The examples' {@code ${lts.registry-address}} and {@code ${lts.data-path}}. */
  private static void pointAt(
      ConfigurableApplicationContext context, String registryAddress, String dataFolder) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "lts.registry-address",
                    registryAddress,
                    "lts.data-path",
                    dir.resolve(dataFolder).toString())));
  }

  @Test
  void theXmlExampleStartsAndRunsAJob() {
    GenericXmlApplicationContext context = new GenericXmlApplicationContext();
    pointAt(context, cluster.registryAddress(), "xml");
    context.load(XmlExample.XML);
    TaskTracker taskTracker;
    try (context) {
      context.refresh();
      taskTracker = context.getBean(TaskTracker.class);
      assertThat(taskTracker.isStarted()).isTrue();
      JobClient jobClient = context.getBean(JobClient.class);
      assertThat(jobClient.submitJob(shopJob("xml-1", "spring_xml_TaskTracker", "101")).isSuccess())
          .isTrue();
      awaitSynced(context, "101");
    }
    assertThat(taskTracker.isStarted()).as("stopped with the context").isFalse();
  }

  @Test
  void theJavaConfigExampleStartsAllThreeRolesAndRunsAJob() {
    // Its own JobTracker, so its own registry: one cluster, one store.
    try (EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(dir.resolve("java-zk"), 0)) {
      AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
      pointAt(context, zooKeeper.address(), "java");
      context.register(JavaConfigExample.class);
      JobTracker jobTracker;
      try (context) {
        context.refresh();
        jobTracker = context.getBean(JobTracker.class);
        assertThat(jobTracker.isStarted()).isTrue();
        Job job = shopJob("java-1", "spring_java_TaskTracker", "202");
        job.setNeedFeedback(true);
        assertThat(context.getBean(JobClient.class).submitJob(job).isSuccess()).isTrue();
        awaitSynced(context, "202");
        JavaConfigExample.CompletedJobs completed =
            context.getBean(JavaConfigExample.CompletedJobs.class);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    completed.results().stream()
                        .anyMatch(r -> r.isSuccess() && "java-1".equals(r.getJob().getTaskId())));
      }
      assertThat(jobTracker.isStarted()).as("stopped with the context").isFalse();
    }
  }

  @Test
  void theBootExampleRunsJobsOfTwoKinds() {
    try (ConfigurableApplicationContext context =
        BootExample.application()
            .run(
                "--lts.tasktracker.registry-address=" + cluster.registryAddress(),
                "--lts.tasktracker.data-path=" + dir.resolve("boot-tt"),
                "--lts.jobclient.registry-address=" + cluster.registryAddress(),
                "--lts.jobclient.data-path=" + dir.resolve("boot-jc"))) {
      JobClient jobClient = context.getBean(JobClient.class);
      assertThat(jobClient.submitJob(BootExample.job("boot-sync", "sync", "303")).isSuccess())
          .isTrue();
      awaitSynced(context, "303");
      Job report = BootExample.job("boot-report", "report", null);
      report.setNeedFeedback(true);
      assertThat(jobClient.submitJob(report).isSuccess()).isTrue();
      ShopResults results = context.getBean(ShopResults.class);
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () ->
                  assertThat(results.results())
                      .anySatisfy(
                          r -> {
                            assertThat(r.getJob().getTaskId()).isEqualTo("boot-report");
                            assertThat(r.isSuccess()).isTrue();
                            assertThat(r.getMsg()).isEqualTo("1 shops");
                          }));
    }
  }
}
