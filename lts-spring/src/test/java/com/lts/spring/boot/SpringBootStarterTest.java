package com.lts.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.monitor.MetricNames;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.JobCompletedHandler;
import com.lts.jobclient.RetryJobClient;
import com.lts.spring.TestCluster;
import com.lts.spring.runner.JobRunnerItem;
import com.lts.tasktracker.TaskTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** A Spring Boot app with the starter, a TaskTracker and a JobClient, on a real cluster. */
class SpringBootStarterTest {

  @TempDir static Path dir;
  static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(dir);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    @Bean
    BootJobs bootJobs() {
      return new BootJobs();
    }

    @Bean
    Results results() {
      return new Results();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  static class Results implements JobCompletedHandler {
    final List<JobResult> received = new CopyOnWriteArrayList<>();

    @Override
    public void onComplete(List<JobResult> jobResults) {
      received.addAll(jobResults);
    }
  }

  static class BadReturn {
    @JobRunnerItem("count")
    public int count(Job job) {
      return 1;
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class BadApp {
    @Bean
    BadReturn badReturn() {
      return new BadReturn();
    }
  }

  private static Map<String, Object> properties(String name) {
    return Map.of(
        "lts.tasktracker.registry-address",
        cluster.registryAddress(),
        "lts.tasktracker.node-group",
        "boot_tt",
        "lts.tasktracker.workThreads",
        "2",
        "lts.tasktracker.data-path",
        dir.resolve(name + "-tt").toString(),
        "lts.tasktracker.configs.lts.job.lease.millis",
        "3000",
        "lts.jobclient.registry-address",
        cluster.registryAddress(),
        "lts.jobclient.node-group",
        "boot_jc",
        "lts.jobclient.data-path",
        dir.resolve(name + "-jc").toString());
  }

  private static ConfigurableApplicationContext run(Class<?> app, Map<String, Object> properties) {
    return new SpringApplicationBuilder(app)
        .web(WebApplicationType.NONE)
        .properties(properties)
        .run();
  }

  private static Job job(String taskId, String type) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup("boot_tt");
    job.setParam("type", type);
    job.setNeedFeedback(true);
    return job;
  }

  @Test
  void runsJobsOfTwoKindsThroughAnnotatedMethodsAndStopsCleanlyWithAJobMidRun() {
    ConfigurableApplicationContext context = run(App.class, properties("two-kinds"));
    BootJobs jobs = context.getBean(BootJobs.class);
    Results results = context.getBean(Results.class);
    JobClient jobClient = context.getBean(JobClient.class);
    assertThat(jobClient).isInstanceOf(RetryJobClient.class);
    assertThat(context.getBean(TaskTracker.class).isStarted()).isTrue();

    assertThat(jobClient.submitJob(List.of(job("m-1", "mail"), job("r-1", "report"))).isSuccess())
        .isTrue();
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(jobs.ran).containsExactlyInAnyOrder("mail:m-1", "report:r-1:1");
              assertThat(results.received)
                  .extracting(r -> r.getJob().getTaskId() + "=" + r.isSuccess())
                  .containsExactlyInAnyOrder("m-1=true", "r-1=true");
            });
    Map<String, LtsNodeHealthIndicator> health =
        context.getBeansOfType(LtsNodeHealthIndicator.class);
    assertThat(health)
        .containsOnlyKeys("ltsTaskTrackerHealthIndicator", "ltsJobClientHealthIndicator");
    health.values().forEach(h -> assertThat(h.health().getStatus()).isEqualTo(Status.UP));
    // Both nodes' meters went to the app's registry.
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        meters.find(MetricNames.JOBS_RUN).counters().stream()
                            .mapToDouble(c -> c.count())
                            .sum())
                    .as("the TaskTracker's runs")
                    .isEqualTo(2.0));
    assertThat(meters.find(MetricNames.JOBS_SUBMITTED).counters())
        .as("the JobClient's submits")
        .isNotEmpty();

    assertThat(jobClient.submitJob(job("s-1", "slow")).isSuccess()).isTrue();
    await().atMost(Duration.ofSeconds(20)).until(() -> jobs.slowStarted.getCount() == 0);
    context.close();

    assertThat(jobs.slowInterrupted).isFalse();
    assertThat(jobs.slowFinished).as("the running job finished before the app stopped").isTrue();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(cluster.store().jobs().find("boot_tt", "s-1")).isEmpty());
  }

  @Test
  void aWrongPropertyFailsStartUpNamingTheProperty() {
    Map<String, Object> properties = new HashMap<>(properties("wrong"));
    properties.put("lts.tasktracker.registry-adress", "zookeeper://127.0.0.1:1");
    assertThatThrownBy(() -> run(App.class, properties))
        .hasStackTraceContaining(
            "Spring property 'lts.tasktracker.registry-adress' is wrong: Unknown setting"
                + " 'registry-adress'. Did you mean 'registryAddress'?");
  }

  @Test
  void aBadKeyValueFailsStartUpNamingTheProperty() {
    Map<String, Object> properties = new HashMap<>(properties("bad-value"));
    properties.put("lts.jobclient.configs.job.submit.maxQPS", "many");
    assertThatThrownBy(() -> run(App.class, properties))
        .hasStackTraceContaining(
            "Spring property 'lts.jobclient.configs.job.submit.maxQPS' is wrong");
  }

  @Test
  void aBadStarterOptionFailsStartUpNamingTheProperty() {
    Map<String, Object> properties = new HashMap<>(properties("bad-option"));
    properties.put("lts.tasktracker.biz-logger-level", "loud");
    assertThatThrownBy(() -> run(App.class, properties))
        .hasStackTraceContaining(
            "Spring property 'lts.tasktracker.biz-logger-level' has a bad value 'loud'");
  }

  @Test
  void aJobMethodReturningAnythingButResultOrVoidIsRefusedAtStartUp() {
    assertThatThrownBy(() -> run(BadApp.class, properties("bad-return")))
        .rootCause()
        .hasMessageContaining(BadReturn.class.getName() + ".count()")
        .hasMessageContaining("returns int");
  }

  @Test
  void aRoleSetButNotEnabledIsLeftOff() {
    Map<String, Object> properties = new HashMap<>(properties("disabled"));
    properties.put("lts.tasktracker.enabled", "false");
    properties.put("lts.jobclient.enabled", "false");
    try (ConfigurableApplicationContext context = run(App.class, properties)) {
      assertThat(context.getBeansOfType(TaskTracker.class)).isEmpty();
      assertThat(context.getBeansOfType(JobClient.class)).isEmpty();
    }
  }

  @Test
  void withoutLtsPropertiesNoNodeIsMade() {
    try (ConfigurableApplicationContext context = run(App.class, Map.of())) {
      assertThat(context.getBeansOfType(TaskTracker.class)).isEmpty();
      assertThat(context.getBeansOfType(JobClient.class)).isEmpty();
    }
  }
}
