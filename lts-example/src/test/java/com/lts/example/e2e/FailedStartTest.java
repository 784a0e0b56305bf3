package com.lts.example.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.LtsException;
import com.lts.core.domain.Result;
import com.lts.core.node.AbstractNode;
import com.lts.core.registry.EmbeddedZooKeeper;
import com.lts.jobclient.RetryJobClient;
import com.lts.tasktracker.TaskTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose start fails after its role started threads and opened its FailStore leaves neither
 * behind: no LTS thread outlives the failed start, and another node can open the same FailStore.
 */
class FailedStartTest {

  @TempDir Path dir;

  @Test
  void aTaskTrackerWhoseStartFailsLeavesNoThreadsAndFreesItsFailStore() {
    Supplier<TaskTracker> taskTracker =
        () -> {
          TaskTracker node = new TaskTracker();
          node.setNodeGroup("failed-start");
          node.setIdentity("tt-failed-start");
          node.setDataPath(dir.toString());
          node.setJobRunnerClass(NoopRunner.class);
          return node;
        };
    checkFailedStart(taskTracker);
  }

  @Test
  void aRetryJobClientWhoseStartFailsLeavesNoThreadsAndFreesItsFailStore() {
    Supplier<RetryJobClient> jobClient =
        () -> {
          RetryJobClient node = new RetryJobClient();
          node.setNodeGroup("failed-start");
          node.setIdentity("jc-failed-start");
          node.setDataPath(dir.toString());
          node.addConfig("lts.remoting.connect.timeout", "200");
          return node;
        };
    checkFailedStart(jobClient);
  }

  private void checkFailedStart(Supplier<? extends AbstractNode> nodes) {
    Set<String> before = ltsThreads();
    AbstractNode node = nodes.get();
    node.setRegistryAddress("failing://nowhere");
    node.setClusterName("failed-start");

    assertThatThrownBy(node::start)
        .isInstanceOf(LtsException.class)
        .hasMessageContaining("injected");

    await()
        .pollInSameThread()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(ltsThreads()).as("threads left by the failed start").isSubsetOf(before));
    try (EmbeddedZooKeeper zooKeeper = EmbeddedZooKeeper.start(dir.resolve("zk"), 0)) {
      AbstractNode next = nodes.get();
      next.setRegistryAddress(zooKeeper.address());
      next.setClusterName("failed-start");
      next.start();
      next.stop();
    }
  }

  private static Set<String> ltsThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> t.getName().startsWith("lts-") || !t.isDaemon())
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  public static final class NoopRunner implements com.lts.tasktracker.runner.JobRunner {
    @Override
    public Result run(com.lts.tasktracker.runner.JobContext context) {
      return null;
    }
  }
}
