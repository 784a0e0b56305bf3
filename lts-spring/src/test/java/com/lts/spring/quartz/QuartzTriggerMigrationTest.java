package com.lts.spring.quartz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Job;
import com.lts.spring.JobClientFactoryBean;
import com.lts.spring.TaskTrackerFactoryBean;
import com.lts.spring.TestCluster;
import com.lts.spring.runner.JobRunnerItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleTrigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.CronTriggerFactoryBean;
import org.springframework.scheduling.quartz.JobDetailFactoryBean;

/**
 * An app's Quartz cron triggers, declared the Spring way, run as LTS cron jobs by the app's own
 * TaskTracker, their logic moved to {@code @JobRunnerItem} methods named after the Quartz jobs.
 */
class QuartzTriggerMigrationTest {

  @TempDir Path dir;

  /** The app's Quartz job before the move; it no longer runs. */
  public static class CleanupJob implements org.quartz.Job {
    @Override
    public void execute(JobExecutionContext context) {
      throw new AssertionError("Quartz no longer runs this");
    }
  }

  /** The same logic after the move. */
  public static class MovedJobs {
    final List<String> ran = new CopyOnWriteArrayList<>();

    @JobRunnerItem("cleanupJob")
    public void cleanup(Job job) {
      ran.add(job.getTaskId() + ":" + job.getParam("folder"));
    }
  }

  @Configuration
  static class App {
    @Value("${registry}")
    String registry;

    @Value("${dir}")
    String dir;

    @Bean
    MovedJobs movedJobs() {
      return new MovedJobs();
    }

    @Bean
    JobDetailFactoryBean cleanupJob() {
      JobDetailFactoryBean job = new JobDetailFactoryBean();
      job.setJobClass(CleanupJob.class);
      job.setDurability(true);
      return job;
    }

    @Bean
    CronTriggerFactoryBean cleanupEverySecond(org.quartz.JobDetail cleanupJob) {
      CronTriggerFactoryBean trigger = new CronTriggerFactoryBean();
      trigger.setJobDetail(cleanupJob);
      trigger.setCronExpression("* * * * * ?");
      trigger.setJobDataAsMap(Map.of("folder", "/tmp/reports"));
      return trigger;
    }

    @Bean
    TaskTrackerFactoryBean taskTracker() {
      TaskTrackerFactoryBean factory = new TaskTrackerFactoryBean();
      factory.setRegistryAddress(registry);
      factory.setNodeGroup("quartz_tt");
      factory.setDataPath(dir + "/tt");
      return factory;
    }

    @Bean
    JobClientFactoryBean jobClient() {
      JobClientFactoryBean factory = new JobClientFactoryBean();
      factory.setRegistryAddress(registry);
      factory.setNodeGroup("quartz_jc");
      factory.setDataPath(dir + "/jc");
      return factory;
    }

    @Bean
    QuartzTriggerMigration quartzTriggerMigration() {
      QuartzTriggerMigration migration = new QuartzTriggerMigration();
      migration.setTaskTrackerNodeGroup("quartz_tt");
      return migration;
    }
  }

  @Test
  void springDeclaredCronTriggersRunAsLtsCronJobs() {
    try (TestCluster cluster = TestCluster.start(dir)) {
      AnnotationConfigApplicationContext context =
          TestCluster.context(
              App.class, Map.of("registry", cluster.registryAddress(), "dir", dir.toString()));
      try (context) {
        Job submitted = context.getBean(QuartzTriggerMigration.class).submitted().get(0);
        assertThat(submitted.getTaskId()).isEqualTo("cleanupEverySecond");
        assertThat(submitted.getCronExpression()).isEqualTo("* * * * * ?");
        MovedJobs moved = context.getBean(MovedJobs.class);
        await()
            .atMost(Duration.ofSeconds(20))
            .untilAsserted(() -> assertThat(moved.ran).contains("cleanupEverySecond:/tmp/reports"));
      }
    }
  }

  @Test
  void aTriggerThatIsNotCronIsRefusedByName() {
    SimpleTrigger simple =
        TriggerBuilder.newTrigger().withIdentity("every10s", "billing").forJob("bill").build()
                instanceof SimpleTrigger s
            ? s
            : null;
    assertThatThrownBy(() -> QuartzCronJobs.toLtsJobs(List.of(simple), "g"))
        .hasMessageContaining("billing.every10s")
        .hasMessageContaining("not a CronTrigger");
  }
}
