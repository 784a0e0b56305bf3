package com.lts.example.scenario;

import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobRunner;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Two TaskTrackers of one group elect a master in the registry (use it for work one node of a group
 * should do, such as a clean-up); when the master stops, the other one is told it is master now.
 * {@code MasterListenerExample [registryAddress] [dataPath]}.
 */
public final class MasterListenerExample {

  private MasterListenerExample() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Nodes.registry(args), Nodes.data(args)) ? 0 : 1);
  }

  public static boolean run(String registry, Path data) throws InterruptedException {
    Map<String, Boolean> masters = new ConcurrentHashMap<>();
    TaskTracker first = worker(registry, data.resolve("first"), "first", masters);
    TaskTracker second = worker(registry, data.resolve("second"), "second", masters);
    try {
      if (!await(() -> masters.values().stream().filter(m -> m).count() == 1)) {
        return false;
      }
      String master = masters.get("first") ? "first" : "second";
      System.out.println(master + " is master; stopping it");
      (master.equals("first") ? first : second).stop();
      String other = master.equals("first") ? "second" : "first";
      return await(() -> Boolean.TRUE.equals(masters.get(other)));
    } finally {
      first.stop();
      second.stop();
    }
  }

  private static TaskTracker worker(
      String registry, Path data, String name, Map<String, Boolean> masters) {
    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setRegistryAddress(registry);
    taskTracker.setNodeGroup("cleanup_TaskTracker");
    taskTracker.setDataPath(data.toString());
    JobRunner idle = Nodes.runner(context -> null);
    taskTracker.setRunnerFactory(meta -> idle);
    taskTracker.addMasterChangeListener(
        (master, isMaster) -> {
          System.out.println(name + (isMaster ? " is master now" : " is not master"));
          masters.put(name, isMaster);
        });
    taskTracker.start();
    return taskTracker;
  }

  private static boolean await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    return true;
  }
}
