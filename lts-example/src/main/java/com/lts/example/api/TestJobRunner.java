package com.lts.example.api;

import com.lts.core.domain.Job;
import com.lts.tasktracker.logger.LtsLoggerFactory;
import com.lts.tasktracker.runner.JobRunner;

/** The seed's runner: LTS 1.5's {@code void run(Job)} form, with a business log line. */
public class TestJobRunner implements JobRunner {

  @Override
  public void run(Job job) throws Throwable {
    System.out.println("Running " + job);
    System.out.println(job.getParam("shopId"));
    LtsLoggerFactory.getBizLogger().info("shop " + job.getParam("shopId") + " done");
    // Your business logic here; make it idempotent (a job may run again after a worker dies).
  }
}
