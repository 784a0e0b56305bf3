package com.lts.jobtracker.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.cluster.Node;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One message per incident and one when it ends, nothing while it lasts, nothing for an incident
 * that comes back within the quiet period; a receiver that fails is tried again.
 */
class AlertEvaluatorTest {

  private final AtomicLong now = new AtomicLong(1_700_000_000_000L);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(now.get());
        }
      };
  private final List<String> sent = new CopyOnWriteArrayList<>();
  private final AtomicLong failuresLeft = new AtomicLong();
  private AlertDelivery delivery;

  @AfterEach
  void close() {
    if (delivery != null) {
      delivery.close();
    }
  }

  private AlertEvaluator evaluator(Duration quiet) {
    Notifier receiver =
        alert -> {
          if (failuresLeft.getAndDecrement() > 0) {
            throw new java.io.IOException("receiver down");
          }
          sent.add(alert.status() + " " + alert.rule() + " " + alert.subject());
        };
    delivery = new AlertDelivery(List.of(receiver), 3, 10, "test");
    AlertSettings nodeLostOnly =
        new AlertSettings(Duration.ofMinutes(5), 0, 0, Duration.ZERO, 0, 0, 0, 0, true, quiet);
    return new AlertEvaluator(null, nodeLostOnly, delivery, clock, "test");
  }

  private static List<Node> node(String identity) {
    Node node = new Node();
    node.setIdentity(identity);
    return List.of(node);
  }

  @Test
  void anIncidentIsToldOnceAndItsEndOnceAndAgainOnlyAfterTheQuietPeriod() {
    AlertEvaluator alerts = evaluator(Duration.ofMinutes(10));

    alerts.removed(node("TT_1"));
    alerts.run();
    alerts.run();
    now.addAndGet(60_000);
    alerts.run();
    alerts.added(node("TT_1"));
    alerts.run();
    await().until(() -> sent.size() == 2);

    alerts.removed(node("TT_1")); // back within the quiet period: neither it nor its end is told
    alerts.run();
    alerts.added(node("TT_1"));
    alerts.run();
    now.addAndGet(Duration.ofMinutes(10).toMillis());
    alerts.removed(node("TT_1"));
    alerts.run();
    alerts.run();

    await().until(() -> sent.size() == 3);
    assertThat(sent)
        .containsExactly(
            "FIRING node.lost node=TT_1",
            "RESOLVED node.lost node=TT_1",
            "FIRING node.lost node=TT_1");
  }

  @Test
  void aFailingReceiverIsTriedAgainUntilItTakesTheAlert() {
    failuresLeft.set(2);
    AlertEvaluator alerts = evaluator(Duration.ZERO);

    alerts.removed(node("JT_2"));
    alerts.run();

    await().until(() -> sent.size() == 1);
    assertThat(sent).containsExactly("FIRING node.lost node=JT_2");
    assertThat(failuresLeft.get()).isNegative();
  }
}
