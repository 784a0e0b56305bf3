package com.lts.example.scenario;

import com.lts.core.domain.Job;
import com.lts.jobclient.JobClient;
import com.lts.tasktracker.TaskTracker;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Two node groups — orders and reports, each with its own TaskTracker — and jobs routed to them by
 * {@code taskTrackerNodeGroup}; the runners write business log lines ({@code BizLogger}) that the
 * JobTracker keeps in the job log (see them in LTS Admin, on the job's page). {@code
 * BizLoggerAndGroupsExample [registryAddress] [dataPath]}.
 */
public final class BizLoggerAndGroupsExample {

  private BizLoggerAndGroupsExample() {}

  public static void main(String[] args) throws Exception {
    System.exit(run(Nodes.registry(args), Nodes.data(args)) ? 0 : 1);
  }

  public static boolean run(String registry, Path data) throws InterruptedException {
    Set<String> ranWhere = ConcurrentHashMap.newKeySet();
    CountDownLatch ran = new CountDownLatch(2);
    TaskTracker orders =
        Nodes.taskTracker(
            registry,
            data,
            "orders_TaskTracker",
            context -> {
              context.getBizLogger().info("checking order " + context.getJob().getParam("order"));
              context.getBizLogger().info("order is paid");
              ranWhere.add(context.getJob().getTaskId() + "@orders");
              ran.countDown();
              return null;
            });
    TaskTracker reports =
        Nodes.taskTracker(
            registry,
            data,
            "reports_TaskTracker",
            context -> {
              context.getBizLogger().info("building the daily report");
              ranWhere.add(context.getJob().getTaskId() + "@reports");
              ran.countDown();
              return null;
            });
    JobClient client = Nodes.jobClient(new JobClient(), registry, data, null);
    try {
      Job order = new Job();
      order.setTaskId("order-1001");
      order.setTaskTrackerNodeGroup("orders_TaskTracker");
      order.setParam("order", "1001");
      Job report = new Job();
      report.setTaskId("daily-report");
      report.setTaskTrackerNodeGroup("reports_TaskTracker");
      System.out.println("submitted: " + client.submitJob(List.of(order, report)));
      boolean done = ran.await(30, TimeUnit.SECONDS);
      System.out.println("ran: " + ranWhere);
      return done && ranWhere.equals(Set.of("order-1001@orders", "daily-report@reports"));
    } finally {
      client.stop();
      orders.stop();
      reports.stop();
    }
  }
}
