package com.lts.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.cluster.MasterChangeListener;
import com.lts.core.cluster.NodeType;
import com.lts.core.domain.Job;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.RetryJobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;

/** The factory beans in a plain Spring context (Java config), all three roles on one registry. */
class FactoryBeansTest {

  @TempDir Path dir;

  /** Counts runner instances and the jobs they ran. */
  static class Counter {
    final AtomicInteger runners = new AtomicInteger();
    final List<String> ran = new CopyOnWriteArrayList<>();
  }

  /** A prototype runner with an injected dependency: a new one per job. */
  static class CountingRunner implements JobRunner {
    private final Counter counter;

    CountingRunner(Counter counter) {
      this.counter = counter;
      counter.runners.incrementAndGet();
    }

    @Override
    public void run(Job job) {
      counter.ran.add(job.getTaskId());
    }
  }

  @Configuration
  static class Cluster {
    @Value("${registry}")
    String registry;

    @Value("${dir}")
    String dir;

    final List<NodeType> startOrder = new CopyOnWriteArrayList<>();
    final List<String> masters = new CopyOnWriteArrayList<>();

    @Bean
    Counter counter() {
      return new Counter();
    }

    @Bean
    @Scope("prototype")
    CountingRunner countingRunner(Counter counter) {
      return new CountingRunner(counter);
    }

    @Bean
    LtsNodeCustomizer startOrder() {
      return node -> startOrder.add(node instanceof JobTracker ? NodeType.JOB_TRACKER : null);
    }

    @Bean
    MasterChangeListener masters() {
      return (master, isMaster) -> {
        if (isMaster) {
          masters.add(master.getNodeType() + "/" + master.getGroup());
        }
      };
    }

    @Bean
    JobTrackerFactoryBean jobTracker() {
      JobTrackerFactoryBean factory = new JobTrackerFactoryBean();
      factory.setRegistryAddress(registry);
      factory.setListenPort(0);
      factory.setDataPath(dir + "/jt");
      factory.setConfigs(
          Map.of(
              "job.queue",
              "h2",
              "jdbc.url",
              "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
      return factory;
    }

    @Bean
    TaskTrackerFactoryBean taskTracker() {
      TaskTrackerFactoryBean factory = new TaskTrackerFactoryBean();
      factory.setRegistryAddress(registry);
      factory.setNodeGroup("beans_tt");
      factory.setWorkThreads(2);
      factory.setDataPath(dir + "/tt");
      factory.setJobRunnerBeanName("countingRunner");
      return factory;
    }

    @Bean
    JobClientFactoryBean jobClient() {
      JobClientFactoryBean factory = new JobClientFactoryBean();
      factory.setUseRetryClient(false);
      factory.setProperties(Map.of("registry-address", registry, "node-group", "beans_jc"));
      factory.setDataPath(dir + "/jc");
      return factory;
    }
  }

  @Test
  void theContextStartsTheJobTrackerFirstRunsJobsWithPrototypeRunnersAndStopsEveryNode() {
    try (EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zk"), 0)) {
      AnnotationConfigApplicationContext context =
          TestCluster.context(
              Cluster.class, Map.of("registry", zooKeeper.address(), "dir", dir.toString()));
      JobTracker jobTracker = context.getBean(JobTracker.class);
      TaskTracker taskTracker = context.getBean(TaskTracker.class);
      JobClient jobClient = context.getBean(JobClient.class);
      Cluster cluster = context.getBean(Cluster.class);
      Counter counter = context.getBean(Counter.class);
      try (context) {
        assertThat(jobClient).isNotInstanceOf(RetryJobClient.class);
        assertThat(cluster.startOrder).first().isEqualTo(NodeType.JOB_TRACKER);
        assertThat(cluster.startOrder).hasSize(3);
        assertThat(JobTrackerFactoryBean.JOB_TRACKER_PHASE)
            .as("the JobTracker stops after the others")
            .isLessThan(LtsNodeFactoryBean.CLIENT_PHASE);

        int before = counter.runners.get();
        for (String taskId : List.of("a", "b")) {
          Job job = new Job();
          job.setTaskId(taskId);
          job.setTaskTrackerNodeGroup("beans_tt");
          assertThat(jobClient.submitJob(job).isSuccess()).isTrue();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> counter.ran.size() == 2);
        assertThat(counter.runners.get() - before).as("one runner per job").isEqualTo(2);
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(
                () ->
                    assertThat(cluster.masters)
                        .contains(
                            "JOB_TRACKER/lts", "TASK_TRACKER/beans_tt", "JOB_CLIENT/beans_jc"));
      }
      assertThat(List.of(jobTracker, taskTracker, jobClient))
          .allSatisfy(node -> assertThat(node.isStarted()).isFalse());
    }
  }

  @Configuration
  static class TwoRunners {
    @Bean
    JobRunner one() {
      return new JobRunner() {};
    }

    @Bean
    JobRunner two() {
      return new JobRunner() {};
    }

    @Bean
    TaskTrackerFactoryBean taskTracker() {
      TaskTrackerFactoryBean factory = new TaskTrackerFactoryBean();
      factory.setRegistryAddress("zookeeper://127.0.0.1:1");
      return factory;
    }
  }

  @Configuration
  static class NoRunner {
    @Bean
    TaskTrackerFactoryBean taskTracker() {
      TaskTrackerFactoryBean factory = new TaskTrackerFactoryBean();
      factory.setRegistryAddress("zookeeper://127.0.0.1:1");
      return factory;
    }
  }

  @Test
  void aTaskTrackerThatCannotPickOneRunnerStopsTheContextFromStarting() {
    assertThatThrownBy(() -> new AnnotationConfigApplicationContext(TwoRunners.class))
        .hasStackTraceContaining("found 2 JobRunner beans one, two and cannot pick one");
    assertThatThrownBy(() -> new AnnotationConfigApplicationContext(NoRunner.class))
        .hasStackTraceContaining("TaskTracker has no runner");
  }

  @Test
  void aWrongSettingFailsNamingTheNearestRightOne() {
    JobClientFactoryBean factory = new JobClientFactoryBean();
    factory.setProperties(Map.of("node-grop", "x"));
    assertThatThrownBy(factory::afterPropertiesSet)
        .hasMessageContaining("Unknown setting 'node-grop'. Did you mean 'nodeGroup'?");
  }
}
