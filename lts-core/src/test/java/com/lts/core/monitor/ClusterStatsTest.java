package com.lts.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.cluster.NodeType;
import com.lts.core.store.NodeStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStatsTest {

  private static NodeStats row(String node, NodeType type, long minute, Map<String, Double> v) {
    return new NodeStats(node, type, "g", minute, v);
  }

  @Test
  void totalsAddUpCountersPerNodeTypeAndLatestTakesEachNodesLastRow() {
    List<NodeStats> rows =
        List.of(
            row("JT_1", NodeType.JOB_TRACKER, 0, Map.of("lts.jobs.received{group=a}", 2.0)),
            row("JT_2", NodeType.JOB_TRACKER, 0, Map.of("lts.jobs.received{group=a}", 3.0)),
            row("TT_1", NodeType.TASK_TRACKER, 60_000, Map.of("lts.failstore.backlog", 5.0)),
            row("TT_1", NodeType.TASK_TRACKER, 0, Map.of("lts.failstore.backlog", 9.0)));

    assertThat(ClusterStats.totals(rows, NodeType.JOB_TRACKER))
        .isEqualTo(Map.of("lts.jobs.received{group=a}", 5.0));
    assertThat(ClusterStats.latestPerNode(rows, MetricNames.FAILSTORE_BACKLOG))
        .isEqualTo(Map.of("TT_1", 5.0));
  }

  @Test
  void figureKeysReadBackAsNameAndTags() {
    StatsFigure figure = StatsFigure.parse("lts.jobs.completed{action=EXECUTE_FAILED,group=a}");

    assertThat(figure.name()).isEqualTo("lts.jobs.completed");
    assertThat(figure.tag("group")).isEqualTo("a");
    assertThat(figure.key()).isEqualTo("lts.jobs.completed{action=EXECUTE_FAILED,group=a}");
    assertThat(StatsFigure.parse("jvm.heap.used").tags()).isEmpty();
    assertThat(new StatsFigure("x", Map.of("b", "2", "a", "1")).key()).isEqualTo("x{a=1,b=2}");
  }
}
