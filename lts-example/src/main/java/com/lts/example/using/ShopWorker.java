package com.lts.example.using;

import com.lts.core.domain.Action;
import com.lts.core.domain.Result;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;

/** A worker service: a TaskTracker of group shop_TaskTracker running ShopSyncRunner. */
public class ShopWorker {

  public static class ShopSyncRunner implements JobRunner {
    @Override
    public Result run(JobContext context) {
      String shopId = context.getJob().getParam("shopId");
      context.getBizLogger().info("syncing shop " + shopId); // goes to the job's log
      return new Result(Action.EXECUTE_SUCCESS, "shop " + shopId + " synced");
    }
  }

  public static void main(String[] args) {
    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setRegistryAddress("zookeeper://127.0.0.1:2181");
    taskTracker.setNodeGroup("shop_TaskTracker");
    taskTracker.setJobRunnerClass(ShopSyncRunner.class);
    taskTracker.setWorkThreads(8);
    taskTracker.setDataPath("lts-data");
    taskTracker.start();
    Runtime.getRuntime().addShutdownHook(new Thread(taskTracker::stop));
  }
}
