package com.lts.spring.quartz;

import com.lts.core.LtsException;
import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.jobclient.JobClient;
import com.lts.spring.LtsNodeFactoryBean;
import java.util.ArrayList;
import java.util.List;
import org.quartz.Trigger;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Runs the context's Quartz cron triggers (e.g. the beans of Spring's {@code
 * CronTriggerFactoryBean}) as LTS cron jobs: once the context's JobClient has started, submits each
 * {@link org.quartz.CronTrigger} bean as {@link QuartzCronJobs} describes, to be run by the
 * TaskTrackers of {@link #setTaskTrackerNodeGroup taskTrackerNodeGroup} with {@code @JobRunnerItem}
 * methods named after the Quartz jobs. Drop the Quartz {@code SchedulerFactoryBean} at the same
 * time, or both schedulers fire.
 */
public class QuartzTriggerMigration implements SmartLifecycle, BeanFactoryAware {

  private String taskTrackerNodeGroup;
  private ListableBeanFactory beans;
  private final List<Job> submitted = new ArrayList<>();
  private volatile boolean running;

  public void setTaskTrackerNodeGroup(String taskTrackerNodeGroup) {
    this.taskTrackerNodeGroup = taskTrackerNodeGroup;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beans = (ListableBeanFactory) beanFactory;
  }

  /** The jobs submitted at start. */
  public List<Job> submitted() {
    return List.copyOf(submitted);
  }

  @Override
  public void start() {
    Assert.hasText(taskTrackerNodeGroup, "QuartzTriggerMigration needs taskTrackerNodeGroup");
    List<Trigger> triggers =
        new ArrayList<>(beans.getBeansOfType(Trigger.class, false, true).values());
    List<Job> jobs = QuartzCronJobs.toLtsJobs(triggers, taskTrackerNodeGroup);
    if (!jobs.isEmpty()) {
      Response response = beans.getBean(JobClient.class).submitJob(jobs);
      if (!response.isSuccess()) {
        throw new LtsException(
            "Submitting the Quartz triggers as LTS cron jobs failed: " + response);
      }
    }
    submitted.addAll(jobs);
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the JobClient has started. */
  @Override
  public int getPhase() {
    return LtsNodeFactoryBean.CLIENT_PHASE + 1;
  }
}
