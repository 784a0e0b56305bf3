package com.lts.example.scenario;

import com.lts.core.domain.Result;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.JobCompletedHandler;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;

/**
 * How the scenario examples make their nodes: a registry address (the JobTracker runs elsewhere,
 * e.g. {@code java -jar lts-jobtracker.jar --config ... --embedded-zookeeper}) and a data folder.
 */
final class Nodes {

  private Nodes() {}

  /** A job's logic as a lambda. */
  @FunctionalInterface
  interface Work {
    Result run(JobContext context) throws Exception;
  }

  static JobRunner runner(Work work) {
    return new JobRunner() {
      @Override
      public Result run(JobContext context) throws Exception {
        return work.run(context);
      }
    };
  }

  static TaskTracker taskTracker(String registry, Path data, String group, Work work) {
    JobRunner runner = runner(work);
    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setRegistryAddress(registry);
    taskTracker.setNodeGroup(group);
    taskTracker.setWorkThreads(4);
    taskTracker.setDataPath(data.resolve(group).toString());
    taskTracker.setRunnerFactory(meta -> runner);
    taskTracker.start();
    return taskTracker;
  }

  static JobClient jobClient(
      JobClient jobClient, String registry, Path data, JobCompletedHandler handler) {
    jobClient.setRegistryAddress(registry);
    jobClient.setNodeGroup("example_JobClient");
    jobClient.setDataPath(data.resolve("jobclient").toString());
    if (handler != null) {
      jobClient.setJobCompletedHandler(handler);
    }
    jobClient.start();
    return jobClient;
  }

  /** {@code args[0]}: the registry, {@code args[1]}: the data folder. */
  static String registry(String[] args) {
    return args.length > 0 ? args[0] : "zookeeper://127.0.0.1:2181";
  }

  static Path data(String[] args) {
    return Path.of(args.length > 1 ? args[1] : "lts-data/examples");
  }
}
