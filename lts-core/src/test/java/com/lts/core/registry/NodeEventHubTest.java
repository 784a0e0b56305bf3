package com.lts.core.registry;

import static com.lts.core.cluster.NodeType.TASK_TRACKER;
import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.cluster.Node;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.core.registry.internal.NodeEventHub;
import com.lts.core.registry.internal.RegistryEventThread;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The diffing every backend relies on, without a server. */
class NodeEventHubTest {

  private final RegistryEventThread events =
      new RegistryEventThread(
          "lts-registry-test", new Background(NodeEvents.IGNORED, NodeEventHubTest.class));
  private final NodeEventHub hub = new NodeEventHub(events);

  @AfterEach
  void close() {
    events.close();
  }

  @Test
  void fullViewsBecomeAddsAndRemovesWithoutRepeats() {
    NodeRecorder seen = new NodeRecorder();
    hub.subscribe(TASK_TRACKER, null, seen);
    Node a = node("TT_a", 1);
    Node b = node("TT_b", 1);
    Node c = node("TT_c", 1);

    hub.update(TASK_TRACKER, List.of(a, b));
    hub.update(TASK_TRACKER, List.of(a, b));
    hub.update(TASK_TRACKER, List.of(b, c));
    hub.update(TASK_TRACKER, List.of(b, node("TT_c", 2)));

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.eventCount() == 6);
    assertThat(seen.eventsOf("TT_a")).containsExactly("+TT_a", "-TT_a");
    assertThat(seen.eventsOf("TT_b")).containsExactly("+TT_b");
    assertThat(seen.eventsOf("TT_c")).containsExactly("+TT_c", "-TT_c", "+TT_c");
    assertThat(seen.node("TT_c").getCreateTime()).isEqualTo(2);
    assertThat(seen.inconsistencies()).isEmpty();
    assertThat(hub.nodes(TASK_TRACKER))
        .extracting(Node::getIdentity)
        .containsExactly("TT_b", "TT_c");
  }

  @Test
  void lateSubscriberStartsFromTheCurrentViewOfItsGroup() {
    hub.update(TASK_TRACKER, List.of(node("TT_a", 1), node("TT_b", 1)));
    NodeRecorder seen = new NodeRecorder();

    hub.subscribe(TASK_TRACKER, "g-TT_a", seen);

    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> seen.eventCount() == 1);
    assertThat(seen.identities()).isEqualTo(Set.of("TT_a"));
    assertThat(hub.subscribedTypes()).containsExactly(TASK_TRACKER);
  }

  private static Node node(String identity, long createTime) {
    Node node = new Node();
    node.setNodeType(TASK_TRACKER);
    node.setIdentity(identity);
    node.setGroup("g-" + identity);
    node.setCreateTime(createTime);
    return node;
  }
}
