package com.lts.core.registry;

import static com.lts.core.cluster.NodeType.JOB_TRACKER;
import static com.lts.core.cluster.NodeType.TASK_TRACKER;
import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.cluster.Node;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every registry must do, run against each backend by a subclass: node registration and
 * discovery, filtering, restarts, and recovery from lost connections and sessions.
 */
public abstract class RegistryContractTest extends RegistryTestSupport {

  /**
   * Makes the registry lose its session or connections abruptly, the way a network fault would; it
   * must recover by itself.
   */
  protected abstract void breakSession(Registry registry) throws Exception;

  @Test
  void registeredNodeIsAddedAndUnregisteredNodeRemoved() {
    Registry observer = open();
    Registry owner = open();
    NodeRecorder seen = new NodeRecorder();
    observer.subscribe(TASK_TRACKER, null, seen);
    Node node = node(TASK_TRACKER, "TT_1", "g1", 1_000);

    owner.register(node);

    await().until(() -> seen.identities().contains("TT_1"));
    Node got = seen.node("TT_1");
    assertThat(got.getNodeType()).isEqualTo(TASK_TRACKER);
    assertThat(got.getGroup()).isEqualTo("g1");
    assertThat(got.getAddress()).isEqualTo("127.0.0.1:0");
    assertThat(got.getThreads()).isEqualTo(8);
    assertThat(got.getCreateTime()).isEqualTo(1_000);
    assertThat(observer.nodes(TASK_TRACKER)).containsExactly(node);

    owner.unregister(node);

    await().until(() -> seen.identities().isEmpty());
    assertThat(seen.eventsOf("TT_1")).containsExactly("+TT_1", "-TT_1");
    assertThat(seen.inconsistencies()).isEmpty();
    assertThat(seen.threads()).allMatch(name -> name.startsWith("lts-registry-"));
  }

  @Test
  void subscriptionsSeeEarlierNodesAndOnlyTheirTypeAndGroup() {
    Registry owner = open();
    owner.register(node(TASK_TRACKER, "TT_a1", "a", 1));
    owner.register(node(TASK_TRACKER, "TT_b1", "b", 1));
    owner.register(node(JOB_TRACKER, "JT_1", "jt", 1));
    Registry observer = open();
    NodeRecorder groupA = new NodeRecorder();
    NodeRecorder allTaskTrackers = new NodeRecorder();
    NodeRecorder jobTrackers = new NodeRecorder();

    observer.subscribe(TASK_TRACKER, "a", groupA);
    observer.subscribe(TASK_TRACKER, null, allTaskTrackers);
    observer.subscribe(JOB_TRACKER, null, jobTrackers);

    await()
        .until(
            () ->
                allTaskTrackers.identities().equals(Set.of("TT_a1", "TT_b1"))
                    && groupA.identities().equals(Set.of("TT_a1"))
                    && jobTrackers.identities().equals(Set.of("JT_1")));

    owner.register(node(TASK_TRACKER, "TT_a2", "a", 2));
    owner.register(node(TASK_TRACKER, "TT_b2", "b", 2));
    await().until(() -> allTaskTrackers.identities().size() == 4);
    assertThat(groupA.identities()).containsExactlyInAnyOrder("TT_a1", "TT_a2");
    assertThat(jobTrackers.identities()).containsExactly("JT_1");

    observer.unsubscribe(groupA);
    owner.register(node(TASK_TRACKER, "TT_a3", "a", 3));
    await().until(() -> allTaskTrackers.identities().contains("TT_a3"));
    assertThat(groupA.identities()).doesNotContain("TT_a3");
    assertThat(allTaskTrackers.inconsistencies()).isEmpty();
  }

  @Test
  void fiftyNodesAreEachSeenOnceAndLeaveWithTheirRegistry() {
    Registry observer = open();
    NodeRecorder seen = new NodeRecorder();
    observer.subscribe(TASK_TRACKER, null, seen);
    Registry owner = open();

    for (int i = 0; i < 50; i++) {
      owner.register(node(TASK_TRACKER, "TT_" + i, "g" + (i % 5), i));
    }
    await().until(() -> seen.identities().size() == 50);
    assertThat(observer.nodes(TASK_TRACKER)).hasSize(50);

    owner.close();

    await().until(() -> seen.identities().isEmpty());
    assertThat(seen.eventCount()).isEqualTo(100);
    assertThat(seen.inconsistencies()).isEmpty();
  }

  @Test
  void nodeRestartedWithTheSameIdentityReplacesItsEntry() {
    Registry observer = open();
    NodeRecorder seen = new NodeRecorder();
    observer.subscribe(JOB_TRACKER, null, seen);
    Registry first = open();
    first.register(node(JOB_TRACKER, "JT_r", "jt", 1_000));
    await().until(() -> seen.identities().contains("JT_r"));

    first.close();
    Registry second = open();
    second.register(node(JOB_TRACKER, "JT_r", "jt", 2_000));

    await().until(() -> seen.node("JT_r") != null && seen.node("JT_r").getCreateTime() == 2_000);
    assertThat(seen.eventsOf("JT_r")).containsExactly("+JT_r", "-JT_r", "+JT_r");
    assertThat(seen.inconsistencies()).isEmpty();
  }

  @Test
  void nodeRestartedBeforeItsOldEntryExpiredTakesTheEntryOver() throws Exception {
    Registry observer = open();
    NodeRecorder seen = new NodeRecorder();
    observer.subscribe(JOB_TRACKER, null, seen);
    TcpProxy proxy = proxy();
    Registry crashed = openVia(proxy);
    crashed.register(node(JOB_TRACKER, "JT_c", "jt", 1_000));
    await().until(() -> seen.identities().contains("JT_c"));

    // The old process is gone as far as the server can tell; its entry has not expired yet.
    proxy.cut();
    Registry restarted = open();
    restarted.register(node(JOB_TRACKER, "JT_c", "jt", 2_000));
    crashed.close();

    await().until(() -> seen.node("JT_c") != null && seen.node("JT_c").getCreateTime() == 2_000);
    // Well past the old entry's lifetime, the new entry is still the one registered.
    await()
        .during(sessionTimeout().multipliedBy(2))
        .until(() -> seen.node("JT_c") != null && seen.node("JT_c").getCreateTime() == 2_000);
    assertThat(seen.inconsistencies()).isEmpty();
  }

  @Test
  void nodeCutOffIsRemovedAndComesBackAfterReconnecting() throws Exception {
    Registry observer = open();
    NodeRecorder seen = new NodeRecorder();
    observer.subscribe(TASK_TRACKER, null, seen);
    TcpProxy proxy = proxy();
    Registry owner = openVia(proxy);
    owner.register(node(TASK_TRACKER, "TT_cut", "g", 1));
    await().until(() -> seen.identities().contains("TT_cut"));

    proxy.cut();
    await().until(() -> !owner.isConnected());
    await().until(() -> seen.identities().isEmpty());
    proxy.restore();

    await().until(() -> owner.isConnected() && seen.identities().contains("TT_cut"));
    assertThat(seen.eventsOf("TT_cut")).containsExactly("+TT_cut", "-TT_cut", "+TT_cut");
    assertThat(seen.inconsistencies()).isEmpty();
  }

  @Test
  void subscriberCutOffCatchesUpWithTheChangesItMissed() throws Exception {
    Registry owner = open();
    owner.register(node(TASK_TRACKER, "TT_stays", "g", 1));
    Node leaves = node(TASK_TRACKER, "TT_leaves", "g", 1);
    owner.register(leaves);
    TcpProxy proxy = proxy();
    Registry observer = openVia(proxy);
    NodeRecorder seen = new NodeRecorder();
    observer.subscribe(TASK_TRACKER, null, seen);
    await().until(() -> seen.identities().equals(Set.of("TT_stays", "TT_leaves")));

    proxy.cut();
    await().until(() -> !observer.isConnected());
    owner.unregister(leaves);
    owner.register(node(TASK_TRACKER, "TT_arrives", "g", 2));
    proxy.restore();

    await().until(() -> seen.identities().equals(Set.of("TT_stays", "TT_arrives")));
    assertThat(seen.eventsOf("TT_stays")).containsExactly("+TT_stays");
    assertThat(seen.eventsOf("TT_leaves")).containsExactly("+TT_leaves", "-TT_leaves");
    assertThat(seen.eventsOf("TT_arrives")).containsExactly("+TT_arrives");
    assertThat(seen.inconsistencies()).isEmpty();
  }

  @Test
  void brokenSessionIsRecoveredWithAConsistentView() throws Exception {
    Registry a = open();
    NodeRecorder seenByA = new NodeRecorder();
    a.subscribe(TASK_TRACKER, null, seenByA);
    a.register(node(TASK_TRACKER, "TT_a", "g", 1));
    Registry b = open();
    NodeRecorder seenByB = new NodeRecorder();
    b.subscribe(TASK_TRACKER, null, seenByB);
    b.register(node(TASK_TRACKER, "TT_b", "g", 1));
    await().until(() -> seenByA.identities().size() == 2 && seenByB.identities().size() == 2);

    breakSession(a);
    b.register(node(TASK_TRACKER, "TT_c", "g", 1));

    Set<String> all = Set.of("TT_a", "TT_b", "TT_c");
    await()
        .during(sessionTimeout().multipliedBy(2))
        .until(
            () ->
                a.isConnected()
                    && seenByA.identities().equals(all)
                    && seenByB.identities().equals(all));
    assertThat(seenByA.inconsistencies()).isEmpty();
    assertThat(seenByB.inconsistencies()).isEmpty();
  }
}
