package com.lts.jobtracker.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.cluster.NodeType;
import com.lts.core.internal.json.Json;
import com.lts.core.store.NodeStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on a hand-made observation, and the webhook bodies of each template. */
class AlertRulesTest {

  private static final AlertSettings ALL_RULES =
      new AlertSettings(
          Duration.ofMinutes(5), 3, 1, Duration.ofMinutes(10), 100, 50, 20, 5, true, Duration.ZERO);

  private static NodeStats row(String node, NodeType type, Map<String, Double> values) {
    return new NodeStats(node, type, "g", 0, values);
  }

  @Test
  void everyRuleFiresAtItsThresholdForItsGroupOrNode() {
    List<NodeStats> rows =
        List.of(
            row(
                "JT_1",
                NodeType.JOB_TRACKER,
                Map.of(
                    "lts.jobs.completed{action=EXECUTE_FAILED,group=orders}", 2.0,
                    "lts.jobs.completed{action=EXECUTE_SUCCESS,group=mails}", 50.0,
                    "lts.jobs.dead.lettered{group=orders}", 1.0)),
            row(
                "JT_2",
                NodeType.JOB_TRACKER,
                Map.of(
                    "lts.jobs.completed{action=EXECUTE_LATER,group=orders}", 1.0,
                    "lts.jobs.completed{action=EXECUTE_FAILED,group=mails}", 2.0)),
            row(
                "TT_1",
                NodeType.TASK_TRACKER,
                Map.of(
                    "lts.failstore.backlog", 80.0,
                    "lts.background.failures{kind=STORE_UNAVAILABLE,task=Pull}", 3.0)),
            row(
                "TT_1",
                NodeType.TASK_TRACKER,
                Map.of(
                    "lts.failstore.backlog", 60.0,
                    "lts.background.failures{kind=UNEXPECTED,task=Pull}", 2.0)),
            row("JC_1", NodeType.JOB_CLIENT, Map.of("lts.failstore.backlog", 10.0)));
    Observation seen =
        new Observation(
            rows, Map.of("orders", 100L, "mails", 99L), Map.of("orders", 4L), 20, Set.of("TT_9"));

    assertThat(AlertRules.evaluate(seen, ALL_RULES))
        .extracting(Condition::key)
        .containsExactlyInAnyOrder(
            "job.failed group=orders",
            "job.dead.lettered group=orders",
            "job.late group=orders",
            "queue.depth group=orders",
            "feedback.backlog cluster",
            "failstore.backlog node=TT_1",
            "background.errors node=TT_1",
            "node.lost node=TT_9");
  }

  @Test
  void rulesSetToZeroNeverFire() {
    AlertSettings off =
        new AlertSettings(
            Duration.ofMinutes(5), 0, 0, Duration.ZERO, 0, 0, 0, 0, false, Duration.ZERO);
    Observation seen =
        new Observation(
            List.of(
                row(
                    "JT_1",
                    NodeType.JOB_TRACKER,
                    Map.of("lts.jobs.completed{action=EXECUTE_FAILED,group=orders}", 9.0))),
            Map.of("orders", 1_000L),
            Map.of("orders", 5L),
            1_000,
            Set.of("TT_9"));

    assertThat(off.anyRule()).isFalse();
    assertThat(AlertRules.evaluate(seen, off)).isEmpty();
  }

  @Test
  void webhookBodiesFitEachReceiver() {
    Alert alert = new Alert("prod", "queue.depth", "group=orders", false, "120 jobs wait", 42L);
    String text = "[LTS prod] FIRING queue.depth group=orders: 120 jobs wait";

    assertThat(parse(WebhookNotifier.body(alert, "slack"))).isEqualTo(Map.of("text", text));
    assertThat(parse(WebhookNotifier.body(alert, "dingtalk")))
        .isEqualTo(Map.of("msgtype", "text", "text", Map.of("content", text)));
    assertThat(parse(WebhookNotifier.body(alert, "wecom")))
        .isEqualTo(Map.of("msgtype", "text", "text", Map.of("content", text)));
    assertThat(parse(WebhookNotifier.body(alert, "feishu")))
        .isEqualTo(Map.of("msg_type", "text", "content", Map.of("text", text)));
    assertThat(parse(WebhookNotifier.body(alert, "generic")))
        .isEqualTo(
            Map.of(
                "cluster", "prod",
                "status", "FIRING",
                "rule", "queue.depth",
                "subject", "group=orders",
                "text", "120 jobs wait",
                "time", 42));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return Json.fromJson(json, Map.class);
  }
}
