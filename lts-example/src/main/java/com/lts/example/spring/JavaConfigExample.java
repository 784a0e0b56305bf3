package com.lts.example.spring;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.JobCompletedHandler;
import com.lts.spring.JobClientFactoryBean;
import com.lts.spring.JobTrackerFactoryBean;
import com.lts.spring.TaskTrackerFactoryBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * All three roles in one Spring Java-config application: the context starts the JobTracker first
 * and stops it last. The TaskTracker's runner class is made and autowired by the context for each
 * job; the {@link JobCompletedHandler} bean gets the JobClient's results.
 */
@Configuration
public class JavaConfigExample {

  @Value("${lts.registry-address:zookeeper://127.0.0.1:2181}")
  String registryAddress;

  @Value("${lts.data-path:${user.home}}")
  String dataPath;

  @Bean
  ShopService shopService() {
    return new ShopService();
  }

  @Bean
  JobTrackerFactoryBean jobTracker() {
    JobTrackerFactoryBean jobTracker = new JobTrackerFactoryBean();
    jobTracker.setRegistryAddress(registryAddress);
    jobTracker.setListenPort(0); // a free port: the registry tells the others
    jobTracker.setDataPath(dataPath); // the embedded H2 store lives here
    return jobTracker;
  }

  @Bean
  TaskTrackerFactoryBean taskTracker() {
    TaskTrackerFactoryBean taskTracker = new TaskTrackerFactoryBean();
    taskTracker.setRegistryAddress(registryAddress);
    taskTracker.setNodeGroup("spring_java_TaskTracker");
    taskTracker.setWorkThreads(4);
    taskTracker.setDataPath(dataPath);
    taskTracker.setJobRunnerClass(ShopSyncRunner.class);
    return taskTracker;
  }

  @Bean
  JobClientFactoryBean jobClient() {
    JobClientFactoryBean jobClient = new JobClientFactoryBean();
    jobClient.setRegistryAddress(registryAddress);
    jobClient.setNodeGroup("spring_java_JobClient");
    jobClient.setDataPath(dataPath);
    return jobClient;
  }

  @Bean
  CompletedJobs completedJobs() {
    return new CompletedJobs();
  }

  /** Keeps the results of jobs submitted with needFeedback. */
  public static class CompletedJobs implements JobCompletedHandler {

    private final List<JobResult> results = new CopyOnWriteArrayList<>();

    @Override
    public void onComplete(List<JobResult> jobResults) {
      results.addAll(jobResults);
    }

    public List<JobResult> results() {
      return List.copyOf(results);
    }
  }

  public static void main(String[] args) {
    AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext(JavaConfigExample.class);
    context.registerShutdownHook();
    Job job = new Job();
    job.setTaskId("shop-" + System.currentTimeMillis());
    job.setParam("shopId", "22222");
    job.setTaskTrackerNodeGroup("spring_java_TaskTracker");
    job.setNeedFeedback(true);
    System.out.println(context.getBean(JobClient.class).submitJob(job));
  }
}
