package com.lts.example.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.tasktracker.testing.JobRunnerTester;
import org.junit.jupiter.api.Test;

/** The unit test of docs/getting-started.md: a runner tested without a cluster. */
class ShopRunnerTest {

  private static Job job(String shopId) {
    Job job = new Job();
    job.setTaskId("shop-" + shopId);
    job.setTaskTrackerNodeGroup("test_trade_TaskTracker");
    job.setParam("shopId", shopId);
    return job;
  }

  @Test
  void anOpenShopIsDone() {
    JobRunnerTester.Run run = JobRunnerTester.run(new ShopRunner(), job("11111"));
    assertEquals(Action.EXECUTE_SUCCESS, run.action());
    assertEquals("shop done", run.bizLogs().get(0).getMsg());
  }

  @Test
  void aClosedShopIsTriedLater() {
    JobRunnerTester.Run run = JobRunnerTester.run(new ShopRunner(), job("0"));
    assertEquals(Action.EXECUTE_LATER, run.action());
    assertEquals("shop closed", run.msg());
    assertTrue(run.bizLogs().isEmpty());
  }
}
