package com.lts.example.demo;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.util.concurrent.ThreadLocalRandom;

/** The demo's two kinds of work, one per TaskTracker node group. */
final class DemoRunners {

  private DemoRunners() {}

  /**
   * Group {@value DemoJobs#SHOP_GROUP}: does what the job's {@code outcome} parameter says —
   * succeed, fail for good, ask to run later, or throw — and writes one BizLogger line per run.
   */
  static final class ShopRunner implements JobRunner {
    private final Progress progress;

    ShopRunner(Progress progress) {
      this.progress = progress;
    }

    @Override
    public Result run(JobContext context) throws InterruptedException {
      Job job = context.getJob();
      progress.ran(job);
      context
          .getBizLogger()
          .info(
              "syncing shop "
                  + job.getParam("shopId")
                  + " (attempt "
                  + context.getJobExtInfo().getAttempt()
                  + ")");
      work();
      return switch (job.getParam("outcome")) {
        case DemoJobs.FAIL -> new Result(Action.EXECUTE_FAILED, "the shop does not exist");
        case DemoJobs.LATER -> new Result(Action.EXECUTE_LATER, "the shop is busy, try later");
        case DemoJobs.THROW -> throw new IllegalStateException("the shop is closed");
        default -> new Result(Action.EXECUTE_SUCCESS, "shop " + job.getParam("shopId") + " synced");
      };
    }
  }

  /** Group {@value DemoJobs#REPORT_GROUP}: writes a report, logging each step to the job's log. */
  static final class ReportRunner implements JobRunner {
    private final Progress progress;

    ReportRunner(Progress progress) {
      this.progress = progress;
    }

    @Override
    public Result run(JobContext context) throws InterruptedException {
      Job job = context.getJob();
      progress.ran(job);
      context.getBizLogger().info("collecting the orders of " + job.getParam("day"));
      work();
      context.getBizLogger().info("writing the report");
      return new Result(Action.EXECUTE_SUCCESS, "report " + job.getTaskId() + " written");
    }
  }

  /** Stands for the runner's real work: 10 to 100 ms. */
  private static void work() throws InterruptedException {
    Thread.sleep(ThreadLocalRandom.current().nextInt(10, 100));
  }
}
