package com.lts.example.api;

import com.lts.core.domain.Action;
import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.InterruptibleJobRunner;
import com.lts.tasktracker.runner.JobContext;
import java.util.List;

/**
 * A long job that an operator can stop (docs/jobs.md, "terminate"): its loop does not notice thread
 * interrupts, so it keeps a flag that {@link #interrupt()} sets.
 */
public class ReportRunner implements InterruptibleJobRunner {
  private volatile boolean stopped;

  @Override
  public Result run(JobContext context) {
    for (String shop : shops()) {
      if (stopped) {
        return new Result(Action.EXECUTE_FAILED, "stopped before " + shop);
      }
      report(shop);
    }
    return null;
  }

  @Override
  public void interrupt() {
    stopped = true;
  }

  private List<String> shops() {
    return List.of("north", "south", "east", "west");
  }

  private void report(String shop) {
    System.out.println("report for " + shop);
  }
}
