package com.lts.jobtracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.internal.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JobTracker main's {@code --metrics-port}: valid Prometheus text with the documented names and
 * the node's tags, and the health JSON a load balancer checks.
 */
class MetricsEndpointTest {

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesPrometheusTextAndHealthOnTheMetricsPort() throws Exception {
    Path config = dir.resolve("jobtracker.properties");
    Files.writeString(
        config,
        "registryAddress=zookeeper://127.0.0.1:"
            + freePort()
            + "\nclusterName=metrics_test\nlistenPort=0\nbindIp=127.0.0.1\ndataPath="
            + dir.toString().replace('\\', '/')
            + "\nlts.stats.interval=200ms\n");

    JobTrackerMain.Running running =
        JobTrackerMain.start(
            new String[] {
              "--config", config.toString(), "--embedded-zookeeper", "--metrics-port", "0"
            },
            System.out);
    try {
      int port = running.metrics().port();
      String identity = running.jobTracker().self().getIdentity();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> get(port, "/metrics").body().contains("lts_feedback_waiting"));
      HttpResponse<String> metrics = get(port, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      PrometheusText text = PrometheusText.parse(metrics.body());
      assertThat(text.types)
          .containsEntry("lts_feedback_waiting", "gauge")
          .containsEntry("jvm_memory_used_bytes", "gauge")
          .containsEntry("jvm_threads_live_threads", "gauge")
          .containsEntry("process_cpu_usage", "gauge");
      assertThat(text.samples)
          .filteredOn(s -> s.name().equals("lts_feedback_waiting"))
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.labels())
                    .containsEntry("lts_node", identity)
                    .containsEntry("lts_node_type", "JOB_TRACKER")
                    .containsKey("lts_node_group");
                assertThat(s.value()).isZero();
              });

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> get(port, "/health").body().contains("\"master\":true"));
      HttpResponse<String> health = get(port, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      @SuppressWarnings("unchecked")
      Map<String, Object> body = Json.fromJson(health.body(), Map.class);
      assertThat(body)
          .containsEntry("status", "UP")
          .containsEntry("identity", identity)
          .containsEntry("nodeType", "JOB_TRACKER")
          .containsEntry("registryConnected", true)
          .containsEntry("storeReachable", true)
          .containsEntry("failStoreBacklog", 0);
    } finally {
      running.stop();
    }
    assertThat(running.jobTracker().health().status()).isEqualTo("DOWN");
  }

  @Test
  void theStrictParserRefusesWhatIsNotExpositionText() {
    assertThatThrownBy(() -> PrometheusText.parse("lts_x 1\n"))
        .hasMessageContaining("no declared family");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE lts_x gauge\nlts_x{a=1} 1\n"))
        .hasMessageContaining("unquoted");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE lts.x gauge\n"))
        .hasMessageContaining("bad metric name");
    assertThatThrownBy(() -> PrometheusText.parse("# TYPE lts_x gauge\nlts_x one\n"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
