package com.lts.example.api;

import com.lts.tasktracker.TaskTracker;

/**
 * The seed's TaskTracker snippet as a process: {@code TaskTrackerMain [registryAddress]
 * [nodeGroup]}. Runs until the process is stopped; stopping lets running jobs finish.
 */
public final class TaskTrackerMain {

  private TaskTrackerMain() {}

  public static void main(String[] args) {
    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setJobRunnerClass(TestJobRunner.class);
    taskTracker.setRegistryAddress(args.length > 0 ? args[0] : "zookeeper://127.0.0.1:2181");
    taskTracker.setNodeGroup(args.length > 1 ? args[1] : "test_trade_TaskTracker");
    taskTracker.setWorkThreads(20);
    if (args.length > 2) {
      taskTracker.setDataPath(args[2]); // where results that could not be reported are kept
    }
    taskTracker.start();
    Runtime.getRuntime().addShutdownHook(new Thread(taskTracker::stop));
    System.out.println("TaskTracker " + taskTracker.self().getIdentity() + " started");
  }
}
