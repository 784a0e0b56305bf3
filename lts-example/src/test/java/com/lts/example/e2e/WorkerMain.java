package com.lts.example.e2e;

import com.lts.core.domain.Result;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A TaskTracker process for the failure tests: {@code WorkerMain registry group threads leaseMillis
 * runsFile} ({@code default} for the default lease). Each run appends {@code START|END taskId
 * attempt identity} to the runs file, written straight to the OS so a {@code kill -9} loses no
 * finished line; a job's {@code sleep} parameter makes it take that long.
 */
public final class WorkerMain {

  private WorkerMain() {}

  public static void main(String[] args) {
    String registry = args[0];
    String group = args[1];
    int threads = Integer.parseInt(args[2]);
    String lease = args[3];
    String runsFile = args[4];

    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setRegistryAddress(registry);
    taskTracker.setNodeGroup(group);
    taskTracker.setDataPath(java.nio.file.Path.of(runsFile).getParent().toString());
    taskTracker.setWorkThreads(threads);
    if (!lease.equals("default")) {
      taskTracker.addConfig("lts.job.lease.millis", lease);
    }
    taskTracker.addConfig("zk.session.timeout", "4000");
    taskTracker.setStopTimeoutMillis(2_000);
    taskTracker.setRunnerFactory(meta -> new RecordingRunner(runsFile));
    taskTracker.start();
    String identity = taskTracker.self().getIdentity();
    RecordingRunner.identity = identity;
    Runtime.getRuntime().addShutdownHook(new Thread(taskTracker::stop));
    System.out.println("WORKER " + identity + " started");
  }

  static final class RecordingRunner implements JobRunner {
    static volatile String identity;
    private final String runsFile;

    RecordingRunner(String runsFile) {
      this.runsFile = runsFile;
    }

    @Override
    public Result run(JobContext context) throws Exception {
      String line =
          context.getJob().getTaskId()
              + " "
              + context.getJobExtInfo().getAttempt()
              + " "
              + identity;
      append("START " + line);
      String sleep = context.getJob().getParam("sleep");
      if (sleep != null) {
        Thread.sleep(Long.parseLong(sleep));
      }
      append("END " + line);
      return null;
    }

    private synchronized void append(String line) throws IOException {
      synchronized (RecordingRunner.class) {
        try (FileOutputStream out = new FileOutputStream(runsFile, true)) {
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }
}
