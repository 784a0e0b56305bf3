package com.lts.core.loadbalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.LtsConfig;
import com.lts.core.loadbalance.internal.ConsistentHashLoadBalance;
import com.lts.core.loadbalance.internal.RandomLoadBalance;
import com.lts.core.loadbalance.internal.RoundRobinLoadBalance;
import com.lts.core.spi.PluginNotFoundException;
import com.lts.core.spi.Plugins;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LoadBalanceTest {

  private static final List<String> NODES = List.of("JT_a", "JT_b", "JT_c");

  @Test
  void strategiesAreFoundByTheirConfiguredName() {
    LtsConfig config =
        LtsConfig.builder().set("jobclient.select.loadbalance", "RoundRobin").build();
    String name = config.get(ConfigKeys.JOBCLIENT_SELECT_LOADBALANCE);
    assertThat(Plugins.find(LoadBalance.class, name, "jobclient.select.loadbalance"))
        .isInstanceOf(RoundRobinLoadBalance.class);
    assertThat(Plugins.find(LoadBalance.class, "random", null))
        .isInstanceOf(RandomLoadBalance.class);
    assertThatThrownBy(
            () -> Plugins.find(LoadBalance.class, "fastest", "jobclient.select.loadbalance"))
        .isInstanceOf(PluginNotFoundException.class)
        .hasMessageContaining("Tried: consistenthash, random, roundrobin");
  }

  @Test
  void noCandidatesMeansNull() {
    for (LoadBalance lb : Plugins.all(LoadBalance.class)) {
      assertThat((String) lb.select(List.of(), "k")).isNull();
      assertThat((String) lb.select(null, "k")).isNull();
    }
  }

  @Test
  void randomReachesEveryCandidate() {
    LoadBalance lb = new RandomLoadBalance();
    Map<String, Integer> counts = new HashMap<>();
    IntStream.range(0, 3_000).forEach(i -> counts.merge(lb.select(NODES, null), 1, Integer::sum));
    assertThat(counts).containsOnlyKeys(NODES);
    assertThat(counts.values()).allSatisfy(c -> assertThat(c).isBetween(700, 1_300));
  }

  @Test
  void roundRobinTakesEachInTurn() {
    LoadBalance lb = new RoundRobinLoadBalance();
    List<String> picks = new ArrayList<>();
    IntStream.range(0, 6).forEach(i -> picks.add(lb.select(NODES, null)));
    assertThat(picks).containsExactly("JT_a", "JT_b", "JT_c", "JT_a", "JT_b", "JT_c");
  }

  @Test
  void consistentHashIsStableAndMovesOnlyTheKeysOfALeavingNode() {
    LoadBalance lb = new ConsistentHashLoadBalance();
    Map<String, String> before = new HashMap<>();
    for (int i = 0; i < 1_000; i++) {
      before.put("key" + i, lb.select(NODES, "key" + i));
    }
    assertThat(new HashMap<>(before).values()).contains("JT_a", "JT_b", "JT_c");
    List<String> withoutB = List.of("JT_a", "JT_c");
    int moved = 0;
    for (Map.Entry<String, String> e : before.entrySet()) {
      assertThat(lb.select(NODES, e.getKey())).isEqualTo(e.getValue());
      String after = lb.select(withoutB, e.getKey());
      if (!e.getValue().equals("JT_b")) {
        assertThat(after)
            .as("key %s held by a node that stayed", e.getKey())
            .isEqualTo(e.getValue());
      } else {
        moved++;
      }
    }
    assertThat(moved).isBetween(150, 550);
  }
}
