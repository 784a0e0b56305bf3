package com.lts.admin.api;

import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.ApiException;
import com.lts.admin.web.Exchange;
import com.lts.core.monitor.StatsFigure;
import com.lts.core.store.NodeStats;
import com.lts.core.store.Store;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /metrics}: the cluster as Prometheus sees it — every node's latest statistics row
 * (within the last {@value #WINDOW_MINUTES} minutes) as gauges labelled with the node, and the
 * nodes online per type and group. Made with Micrometer's Prometheus registry, a fresh one per
 * scrape, so a node that stopped reporting drops out.
 *
 * <p>Who may scrape: a logged-in user (any role), or a request with {@code Authorization: Bearer}
 * and the {@code lts.admin.metrics.token} when one is set.
 */
final class MetricsApi {

  static final int WINDOW_MINUTES = 5;
  static final String PREFIX = "lts.stats.";
  static final String NODE = "lts.node";
  static final String NODE_TYPE = "lts.node.type";
  static final String NODE_GROUP = "lts.node.group";

  private final ClusterView cluster;
  private final Store store;
  private final byte[] tokenDigest;

  MetricsApi(ClusterView cluster, Store store, String token) {
    this.cluster = cluster;
    this.store = store;
    this.tokenDigest = token == null || token.isEmpty() ? null : digest(token);
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/metrics", Access.PUBLIC, this::scrape);
  }

  private void scrape(Exchange exchange) throws Exception {
    if (exchange.session() == null && !bearerMatches(exchange.requestHeader("Authorization"))) {
      exchange.header("WWW-Authenticate", "Bearer realm=\"lts-admin\"");
      throw new ApiException(
          401,
          "Log in first (POST /api/login), or send Authorization: Bearer with the"
              + " lts.admin.metrics.token");
    }
    exchange.send(
        200, "text/plain; version=0.0.4; charset=utf-8", text(System.currentTimeMillis()));
  }

  String text(long now) {
    long to = now + LatestStats.MINUTE;
    List<NodeStats> rows =
        store.nodeStats().queryAll(now - WINDOW_MINUTES * LatestStats.MINUTE, to);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      List<Series> series = new ArrayList<>();
      for (NodeStats row : LatestStats.latestPerNode(rows)) {
        Map<String, String> node =
            Map.of(
                NODE,
                row.identity(),
                NODE_TYPE,
                row.nodeType().name(),
                NODE_GROUP,
                row.nodeGroup() == null ? "" : row.nodeGroup());
        series.add(
            new Series(
                PREFIX + "minute.seconds",
                "Start of the interval of the node's latest statistics row, epoch seconds",
                node,
                row.minute() / 1000.0));
        row.values()
            .forEach(
                (key, value) -> {
                  StatsFigure figure = StatsFigure.parse(key);
                  Map<String, String> tags = new TreeMap<>(figure.tags());
                  tags.putAll(node);
                  series.add(
                      new Series(
                          PREFIX + figure.name().replaceFirst("^lts\\.", ""),
                          "Figure "
                              + figure.name()
                              + " of the node's latest statistics row (counters: the count in"
                              + " that interval; gauges: the value at its end)",
                          tags,
                          value));
                });
      }
      cluster
          .counts()
          .forEach(
              (type, groups) ->
                  groups.forEach(
                      (group, count) ->
                          series.add(
                              new Series(
                                  "lts.cluster.nodes",
                                  "Nodes online in the registry",
                                  Map.of(NODE_TYPE, type, NODE_GROUP, group),
                                  count.doubleValue()))));
      register(registry, series);
      return registry.scrape();
    } finally {
      registry.close();
    }
  }

  /** Registers every series, giving series of one name the same tag keys (Prometheus needs it). */
  private static void register(PrometheusMeterRegistry registry, List<Series> series) {
    Map<String, Set<String>> keys = new TreeMap<>();
    series.forEach(
        s -> keys.computeIfAbsent(s.name(), n -> new TreeSet<>()).addAll(s.tags().keySet()));
    for (Series s : series) {
      List<Tag> tags = new ArrayList<>();
      for (String key : keys.get(s.name())) {
        tags.add(Tag.of(key, s.tags().getOrDefault(key, "")));
      }
      double value = s.value();
      Gauge.builder(s.name(), () -> value)
          .description(s.help())
          .tags(Tags.of(tags))
          .register(registry);
    }
  }

  private boolean bearerMatches(String header) {
    if (tokenDigest == null || header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(tokenDigest, digest(header.substring("Bearer ".length()).trim()));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private record Series(String name, String help, Map<String, String> tags, double value) {}
}
