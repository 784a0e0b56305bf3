package com.lts.core.internal.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeListener;
import com.lts.core.testing.LogCapture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A listener that throws or is slow must not break the node nor the other listeners. */
class NodeEventBusTest {

  @Test
  void aThrowingOrSlowListenerNeverHoldsUpThePublisherOrTheOthers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<NodeEvent> received = new CopyOnWriteArrayList<>();
    List<NodeListener> listeners = new CopyOnWriteArrayList<>();
    listeners.add(
        event -> {
          throw new IllegalStateException("listener bug");
        });
    listeners.add(
        event -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    listeners.add(received::add);
    try (LogCapture logs = LogCapture.start();
        NodeEventBus bus = new NodeEventBus("test", listeners)) {
      for (int i = 0; i < 3; i++) {
        bus.publish(new NodeEvent.MasterGained("group-" + i)); // returns while listener 2 blocks
      }
      assertThat(received).isEmpty();

      release.countDown();

      await().until(() -> received.size() == 3);
      assertThat(received.get(2)).isEqualTo(new NodeEvent.MasterGained("group-2"));
      assertThat(logs.lines(Level.ERROR, "failed on MasterGained"))
          .hasSize(3)
          .allSatisfy(
              e -> assertThat(e.getThrowableProxy().getMessage()).isEqualTo("listener bug"));
    }
  }

  @Test
  void listenersAddedLaterAreToldToo() {
    List<NodeListener> listeners = new CopyOnWriteArrayList<>();
    List<NodeEvent> received = new CopyOnWriteArrayList<>();
    try (NodeEventBus bus = new NodeEventBus("test", listeners)) {
      bus.publish(new NodeEvent.StoreBack());
      listeners.add(received::add);
      bus.publish(new NodeEvent.MasterLost("g"));
      await().until(() -> received.contains(new NodeEvent.MasterLost("g")));
    }
  }
}
