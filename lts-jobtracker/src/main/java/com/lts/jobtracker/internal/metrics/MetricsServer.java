package com.lts.jobtracker.internal.metrics;

import com.lts.core.internal.json.Json;
import com.lts.core.monitor.NodeHealth;
import com.lts.core.node.AbstractNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The JobTracker main's {@code --metrics-port}: {@code GET /metrics} is the node's meters in the
 * Prometheus text format, {@code GET /health} its {@link NodeHealth} as JSON (HTTP 200 when up, 503
 * when down, for load balancers). A JDK {@code HttpServer} on one daemon thread; the only class
 * that needs micrometer-registry-prometheus, so an embedded JobTracker never loads it.
 */
public final class MetricsServer implements AutoCloseable {

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final AbstractNode node;
  private final PrometheusMeterRegistry registry;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private HttpServer server;

  private MetricsServer(AbstractNode node) {
    this.node = node;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // The process is this JobTracker's own, so the JVM's meters are published too (an embedding
    // application binds its own).
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Gives {@code node} a Prometheus registry; call before the node starts. */
  public static MetricsServer attachTo(AbstractNode node) {
    MetricsServer metrics = new MetricsServer(node);
    node.setMeterRegistry(metrics.registry);
    return metrics;
  }

  /**
   * Listens on {@code port} (0: any free one) of {@code host} (null: every interface).
   *
   * @throws IOException when the port cannot be bound
   */
  public void start(String host, int port) throws IOException {
    InetSocketAddress address =
        host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    server = HttpServer.create(address, 0);
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "lts-metrics-http");
              thread.setDaemon(true);
              return thread;
            }));
    server.createContext("/metrics", this::metrics);
    server.createContext("/health", this::health);
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void metrics(HttpExchange exchange) throws IOException {
    reply(exchange, 200, PROMETHEUS_TEXT, registry.scrape());
  }

  private void health(HttpExchange exchange) throws IOException {
    NodeHealth health = node.health();
    reply(
        exchange,
        health.up() ? 200 : 503,
        "application/json; charset=utf-8",
        Json.toJson(asMap(health)));
  }

  /** The JSON fields of a health check, as docs/monitoring.md lists them. */
  public static Map<String, Object> asMap(NodeHealth health) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", health.status());
    body.put("identity", health.identity());
    body.put("nodeType", health.nodeType());
    body.put("nodeGroup", health.nodeGroup());
    body.put("started", health.started());
    body.put("registryConnected", health.registryConnected());
    body.put("storeReachable", health.storeReachable());
    body.put("master", health.master());
    body.put("failStoreBacklog", health.failStoreBacklog());
    return body;
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    gc.close();
    if (server != null) {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }
}
