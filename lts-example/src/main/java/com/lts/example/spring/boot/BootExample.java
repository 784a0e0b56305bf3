package com.lts.example.spring.boot;

import com.lts.core.domain.Job;
import com.lts.example.spring.ShopService;
import com.lts.jobclient.JobClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot app with the LTS starter: {@code lts-boot-example.properties} configures a
 * TaskTracker and a JobClient ({@code lts.tasktracker.*}, {@code lts.jobclient.*}); {@link
 * ShopJobs} runs two kinds of job. Run with a JobTracker up (e.g. the local demo).
 */
@SpringBootApplication
public class BootExample {

  /** Where the example's properties are: {@code lts-boot-example.properties}. */
  public static final String CONFIG_NAME = "lts-boot-example";

  @Bean
  ShopService shopService() {
    return new ShopService();
  }

  public static SpringApplication application() {
    SpringApplication application = new SpringApplication(BootExample.class);
    application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
    return application;
  }

  /** A job of one kind for the example's TaskTracker group. */
  public static Job job(String taskId, String type, String shopId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup("boot_example_TaskTracker");
    job.setParam("type", type);
    if (shopId != null) {
      job.setParam("shopId", shopId);
    }
    return job;
  }

  public static void main(String[] args) {
    ConfigurableApplicationContext context = application().run(args);
    JobClient jobClient = context.getBean(JobClient.class);
    long now = System.currentTimeMillis();
    System.out.println(jobClient.submitJob(job("sync-" + now, "sync", "33333")));
    System.out.println(jobClient.submitJob(job("report-" + now, "report", null)));
  }
}
