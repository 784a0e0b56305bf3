package com.lts.jobtracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.lts.core.event.NodeEvent;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.core.store.DeadJobStore;
import com.lts.core.store.FeedbackQueue;
import com.lts.core.store.JdbcFixture;
import com.lts.core.store.JobLogStore;
import com.lts.core.store.JobStore;
import com.lts.core.store.NodeGroupStore;
import com.lts.core.store.NodeStatsStore;
import com.lts.core.store.SettingStore;
import com.lts.core.store.Store;
import com.lts.core.store.StoreUnavailableException;
import com.lts.core.testing.LogCapture;
import com.lts.jobtracker.JobTracker;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each background loop of a (master) JobTracker, made to fail through its store: an unexpected
 * exception reaches the node's listeners and the log with its stack; the store being unreachable is
 * one WARN line without a stack, and the store's outage and return are told.
 */
class BackgroundLoopsTest {

  @TempDir static Path dir;
  private static EmbeddedZooKeeper zooKeeper;

  /** The store method to fail, as "part.method", and what it throws; null: nothing fails. */
  private final AtomicReference<String> failing = new AtomicReference<>();

  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final List<NodeEvent> told = new CopyOnWriteArrayList<>();
  private LogCapture logs;
  private JdbcFixture h2;
  private Store store;
  private JobTracker jobTracker;

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

  private void startJobTracker(String part, String method, RuntimeException toThrow) {
    failing.set(part + "." + method);
    failure.set(toThrow);
    logs = LogCapture.start();
    h2 = JdbcFixture.h2();
    store = h2.open(Clock.systemUTC());
    jobTracker = new JobTracker();
    jobTracker.setRegistryAddress(zooKeeper.address());
    jobTracker.setClusterName("background-" + part + "-" + method);
    jobTracker.setListenPort(0);
    jobTracker.setDataPath(dir.toString());
    jobTracker.setStore(failingStore(store));
    jobTracker.addNodeListener(told::add);
    jobTracker.start();
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource({
    "jobs, dueBetween, Due wheel load",
    "jobs, expireLeases, Master duty 'lease expiry'",
    "jobs, browse, Master duty 'schedules'",
    "feedback, countByGroup, Master duty 'feedback re-send'",
    "jobLogs, pruneOlderThan, Master duty 'old data'",
  })
  void anUnexpectedFailureReachesTheListenersAndTheLogWithItsStack(
      String part, String method, String task) {
    startJobTracker(part, method, new IllegalStateException("injected into " + method));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                told.stream()
                    .anyMatch(
                        e ->
                            e instanceof NodeEvent.UnexpectedError u
                                && u.task().equals(task)
                                && u.error().getMessage().equals("injected into " + method)));
    List<ILoggingEvent> errors = logs.lines(Level.ERROR, task + " failed unexpectedly");
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).getThrowableProxy().getMessage()).isEqualTo("injected into " + method);
    assertThat(jobTracker.failureCounts())
        .anySatisfy(count -> assertThat(count.task()).isEqualTo(task));
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource({
    "jobs, dueBetween, Due wheel load",
    "jobs, expireLeases, Master duty 'lease expiry'",
  })
  void anUnreachableStoreIsOneWarnLineAndItsOutageAndReturnAreTold(
      String part, String method, String task) {
    startJobTracker(part, method, new StoreUnavailableException("injected outage", null));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> told.stream().anyMatch(e -> e instanceof NodeEvent.StoreUnavailable));
    assertThat(jobTracker.health().storeReachable()).isFalse();
    assertThat(jobTracker.health().status()).isEqualTo("DOWN");
    List<ILoggingEvent> warns = logs.lines(Level.WARN, task + " failed");
    assertThat(warns).isNotEmpty();
    assertThat(warns.get(0).getThrowableProxy()).isNull();
    assertThat(warns.get(0).getFormattedMessage()).contains("injected outage", "database");
    assertThat(logs.lines(Level.ERROR, task)).isEmpty();

    failing.set(null);

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                told.stream()
                        .anyMatch(
                            e ->
                                e instanceof NodeEvent.BackgroundRecovered r
                                    && r.task().equals(task))
                    && told.stream().anyMatch(e -> e instanceof NodeEvent.StoreBack));
    assertThat(jobTracker.health().storeReachable()).isTrue();
    assertThat(jobTracker.health().status()).isEqualTo("UP");
  }

  private Store failingStore(Store real) {
    JobStore jobs = failing(JobStore.class, "jobs", real.jobs());
    FeedbackQueue feedback = failing(FeedbackQueue.class, "feedback", real.feedback());
    JobLogStore jobLogs = failing(JobLogStore.class, "jobLogs", real.jobLogs());
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

  private <T> T failing(Class<T> type, String part, T real) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if ((part + "." + method.getName()).equals(failing.get())) {
            throw failure.get();
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
