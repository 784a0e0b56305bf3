package com.lts.spring.quartz;

import com.lts.core.LtsException;
import com.lts.core.domain.Job;
import com.lts.spring.runner.JobRunnerDispatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

/**
 * Turns Quartz cron triggers into LTS cron jobs, for moving an application off Quartz: each {@link
 * CronTrigger} becomes a cron {@link Job} with
 *
 * <ul>
 *   <li>taskId: the trigger's name ({@code group.name} outside Quartz's default group);
 *   <li>the trigger's cron expression, and its job data (String values) as parameters;
 *   <li>the parameter {@code type} (the {@code @JobRunnerItem} kind): the name of the trigger's
 *       Quartz job, so the job's logic moves to a {@code @JobRunnerItem("<job name>")} method;
 *   <li>replaceOnExist, so a changed schedule replaces the stored one at the next start;
 *   <li>relyOnPrevCycle (the default), so runs of one trigger never overlap, as with Quartz's
 *       {@code @DisallowConcurrentExecution}.
 * </ul>
 */
public final class QuartzCronJobs {

  private QuartzCronJobs() {}

  /**
   * @throws LtsException for a trigger that is not a cron trigger, naming it
   */
  public static List<Job> toLtsJobs(
      Collection<? extends Trigger> triggers, String taskTrackerNodeGroup) {
    List<Job> jobs = new ArrayList<>();
    for (Trigger trigger : triggers) {
      if (!(trigger instanceof CronTrigger cron)) {
        throw new LtsException(
            "Quartz trigger "
                + trigger.getKey()
                + " is a "
                + trigger.getClass().getSimpleName()
                + ", not a CronTrigger: submit it as an LTS repeat job (repeatInterval,"
                + " repeatCount) by hand");
      }
      jobs.add(toLtsJob(cron, taskTrackerNodeGroup));
    }
    return jobs;
  }

  static Job toLtsJob(CronTrigger trigger, String taskTrackerNodeGroup) {
    Job job = new Job();
    job.setTaskId(name(trigger.getKey()));
    job.setTaskTrackerNodeGroup(taskTrackerNodeGroup);
    job.setCronExpression(trigger.getCronExpression());
    job.setReplaceOnExist(true);
    for (Map.Entry<String, Object> data : trigger.getJobDataMap().entrySet()) {
      if (data.getValue() instanceof String value) {
        job.setParam(data.getKey(), value);
      }
    }
    JobKey quartzJob = trigger.getJobKey();
    if (quartzJob != null) {
      job.setParam(JobRunnerDispatcher.DEFAULT_SHARD_FIELD, quartzJob.getName());
    }
    return job;
  }

  private static String name(TriggerKey key) {
    return TriggerKey.DEFAULT_GROUP.equals(key.getGroup())
        ? key.getName()
        : key.getGroup() + "." + key.getName();
  }
}
