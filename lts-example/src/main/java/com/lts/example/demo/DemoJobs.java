package com.lts.example.demo;

import com.lts.core.domain.Job;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The jobs the demo submits: one round of one-time jobs, and the cron and repeat schedules. */
final class DemoJobs {

  static final String SHOP_GROUP = "demo_shop_TaskTracker";
  static final String REPORT_GROUP = "demo_report_TaskTracker";
  static final String CLIENT_GROUP = "demo_JobClient";

  static final String SUCCEED = "succeed";
  static final String FAIL = "fail";
  static final String LATER = "later";
  static final String THROW = "throw";

  static final String CRON_TASK_ID = "cron-report";
  static final String REPEAT_TASK_ID = "repeat-shop";

  private DemoJobs() {}

  /**
   * One round of one-time jobs: real-time shop jobs of every outcome (two of them retried), two
   * real-time reports and one delayed by {@code delayMillis}.
   */
  static List<Job> round(int round, long now, long delayMillis) {
    String prefix = "r" + round + "-";
    List<Job> jobs = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      jobs.add(shop(prefix + "shop-" + i, SUCCEED));
    }
    jobs.add(shop(prefix + "shop-gone", FAIL));
    Job later = shop(prefix + "shop-busy", LATER);
    later.setMaxRetryTimes(2);
    jobs.add(later);
    Job throwing = shop(prefix + "shop-closed", THROW);
    throwing.setMaxRetryTimes(1);
    jobs.add(throwing);
    jobs.add(report(prefix + "report-1"));
    jobs.add(report(prefix + "report-2"));
    Job delayed = report(prefix + "report-delayed");
    delayed.setTriggerTime(now + delayMillis);
    jobs.add(delayed);
    return jobs;
  }

  /** A report every {@code seconds} seconds (a Quartz cron expression). */
  static Job cron(int seconds) {
    Job job = report(CRON_TASK_ID);
    job.setCronExpression("0/" + seconds + " * * * * ?");
    job.setReplaceOnExist(true);
    return job;
  }

  /** A shop sync {@code count} times ({@code -1}: forever), {@code intervalMillis} apart. */
  static Job repeat(int count, long intervalMillis) {
    Job job = shop(REPEAT_TASK_ID, SUCCEED);
    job.setRepeatCount(count);
    job.setRepeatInterval(intervalMillis);
    job.setReplaceOnExist(true);
    return job;
  }

  private static Job shop(String taskId, String outcome) {
    Job job = job(taskId, SHOP_GROUP);
    job.setParam("shopId", taskId);
    job.setParam("outcome", outcome);
    return job;
  }

  private static Job report(String taskId) {
    Job job = job(taskId, REPORT_GROUP);
    job.setParam("day", LocalDate.now().toString());
    return job;
  }

  private static Job job(String taskId, String group) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup(group);
    job.setNeedFeedback(true);
    return job;
  }
}
