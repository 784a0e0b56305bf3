package com.lts.jobtracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.lts.core.event.NodeEvent;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.registry.TcpProxy;
import com.lts.core.store.DeadJobStore;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogStore;
import com.lts.core.store.JobStore;
import com.lts.core.store.NodeGroupStore;
import com.lts.core.store.NodeStatsStore;
import com.lts.core.store.SettingStore;
import com.lts.core.store.Store;
import com.lts.core.testing.LogCapture;
import com.lts.core.testing.Services;
import com.lts.jobtracker.JobTracker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master's duties do not hold each other up, and a master cut off from its store gives up
 * mastership: a hung feedback handler or a huge prune does not stop lease expiry, a run past its
 * deadline is interrupted, and a silent network cut to MariaDB ends in MasterLost, then
 * MasterGained when the database is back.
 */
class MasterDutiesTest {

  @TempDir static Path dir;
  private static EmbeddedZooKeeper zooKeeper;

  private final List<NodeEvent> told = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Set<String> interrupted = ConcurrentHashMap.newKeySet();
  private final AtomicInteger leaseScans = new AtomicInteger();
  private LogCapture logs;
  private JobTracker jobTracker;
  private Store store;

  @BeforeAll
  static void startZooKeeper() {
    zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zk"), 0);
  }

  @AfterAll
  static void stopZooKeeper() {
    zooKeeper.close();
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (jobTracker != null) {
      jobTracker.stop();
    }
    if (store != null) {
      store.close();
    }
    if (logs != null) {
      logs.close();
    }
  }

  private JobTracker jobTracker(String cluster) {
    JobTracker node = new JobTracker();
    node.setRegistryAddress(zooKeeper.address());
    node.setClusterName(cluster);
    node.setListenPort(0);
    node.setDataPath(dir.resolve(cluster).toString());
    node.addConfig("lts.job.lease.millis", "1000");
    node.addNodeListener(told::add);
    return node;
  }

  @Test
  void aHungFeedbackResendAndAHugePruneDoNotStopLeaseExpiry() {
    logs = LogCapture.start();
    store = JdbcFixture.h2().open(Clock.systemUTC());
    jobTracker = jobTracker("duties-hung");
    jobTracker.addConfig("jobtracker.master.duty.deadline", "500ms");
    jobTracker.setStore(hanging(store));
    jobTracker.start();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> interrupted.containsAll(Set.of("countByGroup", "pruneOlderThan")));
    int scans = leaseScans.get();
    await().atMost(Duration.ofSeconds(10)).until(() -> leaseScans.get() >= scans + 3);
    assertThat(logs.lines(Level.WARN, "Master duty 'feedback re-send' has run for more than"))
        .isNotEmpty();
    assertThat(logs.lines(Level.WARN, "Master duty 'old data' has run for more than")).isNotEmpty();
    assertThat(jobTracker.isMaster()).isTrue();
  }

  @Test
  void aMasterCutOffFromMariaDbGivesUpMastershipAndTakesItBackWhenTheDatabaseAnswers()
      throws Exception {
    Services.assumeReachable("MariaDB", "127.0.0.1", 3306);
    JdbcFixture mariaDb = JdbcFixture.mariaDb();
    try (TcpProxy proxy = new TcpProxy("127.0.0.1", 3306)) {
      logs = LogCapture.start();
      jobTracker = jobTracker("duties-cut");
      jobTracker.addConfig("job.queue", "mysql");
      jobTracker.addConfig("jdbc.url", mariaDb.url().replace(":3306/", ":" + proxy.port() + "/"));
      jobTracker.addConfig("jdbc.username", "root");
      jobTracker.addConfig("jdbc.query.timeout", "1s");
      jobTracker.addConfig("jdbc.socket.timeout", "2s");
      jobTracker.addConfig("jdbc.connect.timeout", "1s");
      jobTracker.addConfig("jobtracker.master.store.outage", "1s");
      jobTracker.start();
      await().atMost(Duration.ofSeconds(20)).until(jobTracker::isMaster);

      int before = told.size();
      proxy.stall();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  told.subList(before, told.size()).stream()
                      .anyMatch(e -> e instanceof NodeEvent.MasterLost));
      assertThat(jobTracker.isMaster()).isFalse();
      assertThat(logs.lines(Level.WARN, "could not reach its job store")).hasSize(1);
      int lost = told.size();

      proxy.flow();

      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jobTracker.isMaster()
                      && told.subList(lost, told.size()).stream()
                          .anyMatch(e -> e instanceof NodeEvent.MasterGained));
    } finally {
      if (jobTracker != null) {
        jobTracker.stop();
        jobTracker = null;
      }
      mariaDb.drop();
    }
  }

  /**
   * The real store, except that re-sending feedback and pruning the job log block until released or
   * interrupted (and say which were interrupted), and lease scans are counted.
   */
  private Store hanging(Store real) {
    FeedbackQueue feedback = proxy(FeedbackQueue.class, real.feedback());
    JobLogStore jobLogs = proxy(JobLogStore.class, real.jobLogs());
    JobStore jobs = proxy(JobStore.class, real.jobs());
    return new Store() {
      @Override
      public JobStore jobs() {
        return jobs;
      }

      @Override
      public FeedbackQueue feedback() {
        return feedback;
      }

      @Override
      public NodeGroupStore nodeGroups() {
        return real.nodeGroups();
      }

      @Override
      public JobLogStore jobLogs() {
        return jobLogs;
      }

      @Override
      public NodeStatsStore nodeStats() {
        return real.nodeStats();
      }

      @Override
      public DeadJobStore deadJobs() {
        return real.deadJobs();
      }

      @Override
      public SettingStore settings() {
        return real.settings();
      }

      @Override
      public void close() {}
    };
  }

  private <T> T proxy(Class<T> type, T real) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              String name = method.getName();
              if (name.equals("expireLeases")) {
                leaseScans.incrementAndGet();
              }
              if (name.equals("countByGroup") || name.equals("pruneOlderThan")) {
                try {
                  release.await();
                } catch (InterruptedException e) {
                  interrupted.add(name);
                  Thread.currentThread().interrupt();
                  throw new IllegalStateException(name + " interrupted", e);
                }
              }
              try {
                return method.invoke(real, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
