package com.lts.example.api;

import com.lts.core.domain.Action;
import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;

/** The full {@code JobRunner} form from docs/getting-started.md. */
public class ShopRunner implements JobRunner {

  @Override
  public Result run(JobContext context) { // the full form
    if (!shopOpen(context.getJob().getParam("shopId"))) {
      return new Result(Action.EXECUTE_LATER, "shop closed"); // retried with back-off
    }
    context.getBizLogger().info("shop done"); // goes to the job's log
    return new Result(Action.EXECUTE_SUCCESS, "done");
  }

  /** Stands in for a real check; shop 0 is always closed. */
  private static boolean shopOpen(String shopId) {
    return !"0".equals(shopId);
  }
}
