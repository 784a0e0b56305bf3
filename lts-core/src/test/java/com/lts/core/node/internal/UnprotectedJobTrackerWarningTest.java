package com.lts.core.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.lts.core.cluster.Node;
import com.lts.core.cluster.NodeType;
import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import com.lts.core.event.NodeEvents;
import com.lts.core.loadbalance.LoadBalance;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A node without a token warns when the registry shows it a JobTracker on another machine. */
class UnprotectedJobTrackerWarningTest {

  private final Logger log = (Logger) LoggerFactory.getLogger(JobTrackerConnections.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void listen() {
    logged.start();
    log.addAppender(logged);
  }

  @AfterEach
  void stopListening() {
    log.detachAppender(logged);
  }

  private static final LoadBalance FIRST =
      new LoadBalance() {
        @Override
        public String name() {
          return "first";
        }

        @Override
        public <T> T select(List<T> candidates, String key) {
          return candidates.isEmpty() ? null : candidates.get(0);
        }
      };

  private static Node jobTracker(String identity, String ip) {
    Node node = new Node();
    node.setNodeType(NodeType.JOB_TRACKER);
    node.setIdentity(identity);
    node.setGroup("jt");
    node.setIp(ip);
    // A closed port on loopback; TEST-NET (192.0.2.0/24) is never routed: no connection succeeds.
    node.setPort(9);
    return node;
  }

  private List<String> warnings() {
    return logged.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void withoutATokenARemoteJobTrackerIsWarnedAboutAndALoopbackOneIsNot() {
    NodeConfig config = NodeConfig.builder(NodeType.TASK_TRACKER).identity("tt-1").build();
    try (JobTrackerConnections connections =
        new JobTrackerConnections(config, FIRST, client -> {}, NodeEvents.IGNORED)) {
      connections.added(List.of(jobTracker("jt-local", "127.0.0.1")));
      assertThat(warnings()).noneMatch(m -> m.contains("lts.cluster.token"));

      connections.added(List.of(jobTracker("jt-far", "192.0.2.10")));
      assertThat(warnings())
          .anySatisfy(m -> assertThat(m).contains("jt-far").contains("without lts.cluster.token"));
    }
  }

  @Test
  void withATokenNoWarning() {
    NodeConfig config =
        NodeConfig.builder(NodeType.TASK_TRACKER)
            .identity("tt-2")
            .config(ConfigKeys.CLUSTER_TOKEN, "t0ken")
            .build();
    try (JobTrackerConnections connections =
        new JobTrackerConnections(config, FIRST, client -> {}, NodeEvents.IGNORED)) {
      connections.added(List.of(jobTracker("jt-far", "192.0.2.10")));
      assertThat(warnings()).noneMatch(m -> m.contains("lts.cluster.token"));
    }
  }
}
