package com.lts.example.spring.boot;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.Result;
import com.lts.example.spring.ShopService;
import com.lts.spring.runner.JobRunnerItem;
import com.lts.tasktracker.runner.JobContext;
import org.springframework.stereotype.Component;

/**
 * Two kinds of job on one TaskTracker, picked by the job parameter {@code type}: {@code sync}
 * (void: returning is success) and {@code report} (returns a Result).
 */
@Component
public class ShopJobs {

  private final ShopService shops;

  public ShopJobs(ShopService shops) {
    this.shops = shops;
  }

  @JobRunnerItem("sync")
  public void sync(Job job) {
    shops.sync(job.getParam("shopId"));
  }

  @JobRunnerItem("report")
  public Result report(JobContext context) {
    int count = shops.synced().size();
    context.getBizLogger().info("report over " + count + " shops"); // goes to the job's log
    return new Result(Action.EXECUTE_SUCCESS, count + " shops");
  }
}
