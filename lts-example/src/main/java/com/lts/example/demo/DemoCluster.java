package com.lts.example.demo;

import com.lts.admin.LtsAdmin;
import com.lts.core.LtsException;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.example.demo.DemoRunners.ReportRunner;
import com.lts.example.demo.DemoRunners.ShopRunner;
import com.lts.jobclient.JobClient;
import com.lts.jobtracker.JobTracker;
import com.lts.tasktracker.TaskTracker;
import com.lts.tasktracker.runner.JobRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's nodes, all in this process on loopback: an embedded ZooKeeper, a JobTracker with the
 * embedded H2 store, a TaskTracker per node group, a JobClient and LTS Admin. {@link #close()}
 * stops them in reverse order.
 */
final class DemoCluster implements AutoCloseable {

  private static final Pattern GENERATED_PASSWORD = Pattern.compile("with password (\\S+)");

  private final Deque<Runnable> stops = new ArrayDeque<>();
  private final String registry;
  private final String storeUrl;
  private JobClient jobClient;
  private LtsAdmin admin;
  private String adminPassword;
  private String adminNote = "";
  private boolean closed;

  private DemoCluster(Path data) {
    // The JobTracker's default H2 file, kept open until the nodes stop (H2 would close it at the
    // JVM's exit, under nodes still stopping after Ctrl-C); LTS Admin opens the same file.
    storeUrl =
        "jdbc:h2:file:"
            + data.resolve(".lts/h2/lts-job-store").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE";
    EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(data.resolve("zookeeper"), 0);
    stops.push(zooKeeper::close);
    registry = zooKeeper.address();
  }

  /** Starts every node; on a failure stops what did start and throws. */
  static DemoCluster start(Path data, int adminPort, Progress progress) {
    DemoCluster cluster = new DemoCluster(data);
    try {
      cluster.jobTracker(data);
      cluster.taskTracker(data, DemoJobs.SHOP_GROUP, new ShopRunner(progress));
      cluster.taskTracker(data, DemoJobs.REPORT_GROUP, new ReportRunner(progress));
      cluster.jobClient(data, progress);
      cluster.admin(data, adminPort);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void jobTracker(Path data) {
    JobTracker jobTracker = new JobTracker();
    jobTracker.setRegistryAddress(registry);
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(data.toString());
    jobTracker.addConfig("jdbc.url", storeUrl);
    jobTracker.addConfig("jobtracker.job.retry.interval.millis", "500");
    jobTracker.start();
    stops.push(jobTracker::stop);
  }

  private void taskTracker(Path data, String group, JobRunner runner) {
    TaskTracker taskTracker = new TaskTracker();
    taskTracker.setRegistryAddress(registry);
    taskTracker.setNodeGroup(group);
    taskTracker.setWorkThreads(4);
    taskTracker.setRunnerFactory(meta -> runner);
    taskTracker.setDataPath(data.resolve(group).toString());
    taskTracker.setStopTimeoutMillis(5_000);
    taskTracker.start();
    stops.push(taskTracker::stop);
  }

  private void jobClient(Path data, Progress progress) {
    JobClient client = new JobClient();
    client.setRegistryAddress(registry);
    client.setNodeGroup(DemoJobs.CLIENT_GROUP);
    client.setDataPath(data.resolve(DemoJobs.CLIENT_GROUP).toString());
    client.setJobCompletedHandler(results -> results.forEach(progress::completed));
    client.start();
    stops.push(client::stop);
    jobClient = client;
  }

  /**
   * LTS Admin on the JobTracker's store (the same H2 file, opened in this process). With no users
   * configured, Admin makes user {@code admin} with a random password on its first start in this
   * data folder, and prints it once: the demo shows it in its banner.
   */
  private void admin(Path data, int port) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("registryAddress", registry);
    properties.put("dataPath", data.toString());
    properties.put("jdbc.url", storeUrl);
    properties.put("lts.admin.http.host", "127.0.0.1");
    properties.put("lts.admin.http.port", String.valueOf(port));
    ByteArrayOutputStream adminOut = new ByteArrayOutputStream();
    try {
      admin = start(properties, adminOut);
    } catch (LtsException e) {
      if (port == 0) {
        throw e;
      }
      adminNote = " (port " + port + " was taken: " + e.getMessage() + ")";
      properties.put("lts.admin.http.port", "0");
      admin = start(properties, adminOut);
    }
    stops.push(admin::stop);
    String printed = adminOut.toString(StandardCharsets.UTF_8);
    Matcher matcher = GENERATED_PASSWORD.matcher(printed);
    adminPassword = matcher.find() ? matcher.group(1) : null;
    if (adminPassword == null && !printed.isBlank()) {
      adminNote += " " + printed.strip();
    }
  }

  private static LtsAdmin start(Map<String, String> properties, ByteArrayOutputStream out) {
    return new LtsAdmin(properties, new PrintStream(out, true, StandardCharsets.UTF_8)).start();
  }

  String registryAddress() {
    return registry;
  }

  JobClient jobClient() {
    return jobClient;
  }

  String adminUrl() {
    return admin.url();
  }

  /** The generated password of Admin's user {@code admin}, or null when none was generated. */
  String adminPassword() {
    return adminPassword;
  }

  /** Why Admin is not where it was asked to be, or what else it printed; empty when nothing. */
  String adminNote() {
    return adminNote;
  }

  /** Stops every node, the last started first. Calling it again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    while (!stops.isEmpty()) {
      stops.pop().run();
    }
  }
}
