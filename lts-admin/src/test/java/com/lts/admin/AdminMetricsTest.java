package com.lts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.alibaba.fastjson2.JSONObject;
import com.lts.core.cluster.NodeType;
import com.lts.core.store.NodeStats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster's statistics as Prometheus scrapes them from Admin ({@code GET /metrics}), and the
 * overview's jobs per second and failures per group, from statistics rows of a known workload.
 */
@ExtendWith(AdminCluster.Shared.class)
class AdminMetricsTest {

  private static final long MINUTE = 60_000;
  private static AdminCluster cluster;
  private static String jobTracker;
  private static String taskTracker;
  private static long latestMinute;
  private static String group;

  /**
   * A JobTracker that ended 100 jobs of a group in one minute (90 succeeded, 10 failed) and 200 in
   * the minute before (all succeeded), and a TaskTracker that ran 60; both rows are stored as nodes
   * report them.
   */
  @BeforeAll
  static void storeAKnownWorkload() {
    cluster = AdminCluster.get();
    String id = UUID.randomUUID().toString().substring(0, 8);
    jobTracker = "JT_metrics_" + id;
    taskTracker = "TT_metrics_" + id;
    group = "metrics_" + id;
    latestMinute = System.currentTimeMillis() / MINUTE * MINUTE - MINUTE;
    String success = "lts.jobs.completed{action=EXECUTE_SUCCESS,group=" + group + "}";
    String failure = "lts.jobs.completed{action=EXECUTE_FAILED,group=" + group + "}";
    cluster
        .store
        .nodeStats()
        .append(
            List.of(
                new NodeStats(
                    jobTracker,
                    NodeType.JOB_TRACKER,
                    "lts",
                    latestMinute - MINUTE,
                    Map.of(success, 200.0, "lts.queue.depth{group=" + group + "}", 7.0)),
                new NodeStats(
                    jobTracker,
                    NodeType.JOB_TRACKER,
                    "lts",
                    latestMinute,
                    Map.of(
                        success,
                        90.0,
                        failure,
                        10.0,
                        "lts.queue.depth{group=" + group + "}",
                        42.0,
                        "lts.store.claim.p99.ms",
                        3.5,
                        "jvm.heap.used",
                        1.5e8)),
                new NodeStats(
                    taskTracker,
                    NodeType.TASK_TRACKER,
                    group,
                    latestMinute,
                    Map.of(
                        "lts.jobs.run{action=EXECUTE_SUCCESS}", 60.0, "lts.threads.busy", 2.0))));
  }

  private static HttpResponse<String> scrape(String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(cluster.baseUrl() + "/metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static double value(
      Map<String, PrometheusText.Family> families, String name, Map<String, String> labels) {
    PrometheusText.Family family = families.get(name);
    assertThat(family).as(name + " in " + families.keySet()).isNotNull();
    return family.samples().stream()
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .map(PrometheusText.Sample::value)
        .reduce(
            (a, b) -> {
              throw new AssertionError("more than one " + name + " with " + labels);
            })
        .orElseThrow(() -> new AssertionError("no " + name + " with " + labels));
  }

  @Test
  void prometheusScrapesEveryNodesLatestMinuteWithTheBearerToken() throws Exception {
    HttpResponse<String> reply = scrape("Bearer " + AdminCluster.METRICS_TOKEN);
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/plain; version=0.0.4");
    Map<String, PrometheusText.Family> families = PrometheusText.parse(reply.body());

    Map<String, String> jt =
        Map.of("lts_node", jobTracker, "lts_node_type", "JOB_TRACKER", "lts_node_group", "lts");
    assertThat(families.get("lts_stats_jobs_completed").type()).isEqualTo("gauge");
    assertThat(families.get("lts_stats_jobs_completed").help()).contains("lts.jobs.completed");
    assertThat(
            value(
                families,
                "lts_stats_jobs_completed",
                with(jt, Map.of("action", "EXECUTE_FAILED", "group", group))))
        .isEqualTo(10.0);
    assertThat(
            value(
                families,
                "lts_stats_jobs_completed",
                with(jt, Map.of("action", "EXECUTE_SUCCESS", "group", group))))
        .isEqualTo(90.0); // the latest minute, not the one before
    assertThat(value(families, "lts_stats_queue_depth", with(jt, Map.of("group", group))))
        .isEqualTo(42.0);
    assertThat(value(families, "lts_stats_store_claim_p99_ms", jt)).isEqualTo(3.5);
    assertThat(value(families, "lts_stats_jvm_heap_used", jt)).isEqualTo(1.5e8);
    assertThat(value(families, "lts_stats_minute_seconds", jt)).isEqualTo(latestMinute / 1000.0);

    Map<String, String> tt =
        Map.of("lts_node", taskTracker, "lts_node_type", "TASK_TRACKER", "lts_node_group", group);
    assertThat(value(families, "lts_stats_jobs_run", with(tt, Map.of("action", "EXECUTE_SUCCESS"))))
        .isEqualTo(60.0);
    assertThat(value(families, "lts_stats_threads_busy", tt)).isEqualTo(2.0);
    assertThat(
            value(
                families,
                "lts_cluster_nodes",
                Map.of("lts_node_type", "TASK_TRACKER", "lts_node_group", AdminCluster.GROUP)))
        .isGreaterThanOrEqualTo(1.0);
    assertThat(families.get("lts_cluster_nodes").type()).isEqualTo("gauge");
  }

  private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
    Map<String, String> all = new java.util.HashMap<>(a);
    all.putAll(b);
    return all;
  }

  @Test
  void metricsNeedTheTokenOrALogin() throws Exception {
    HttpResponse<String> none = scrape(null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"lts-admin\"");
    assertThat(scrape("Bearer wrong-" + AdminCluster.METRICS_TOKEN).statusCode()).isEqualTo(401);
    assertThat(scrape(AdminCluster.METRICS_TOKEN).statusCode()).isEqualTo(401);
    RestClient viewer = new RestClient(cluster.baseUrl());
    assertThat(viewer.login(AdminCluster.VIEWER, AdminCluster.PASSWORD).status()).isEqualTo(200);
    RestClient.Reply reply = viewer.get("/metrics");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(PrometheusText.parse(reply.body())).containsKey("lts_stats_jobs_completed");
    JSONObject openApi = viewer.get("/api/openapi.json").json();
    assertThat(
            openApi
                .getJSONObject("paths")
                .getJSONObject("/metrics")
                .getJSONObject("get")
                .getJSONArray("security"))
        .hasSize(2);
    assertThat(openApi.getJSONObject("components").getJSONObject("securitySchemes").keySet())
        .contains("session", "bearer");
  }

  @Test
  void theOverviewShowsJobsPerSecondAndFailuresPerGroup() {
    RestClient viewer = new RestClient(cluster.baseUrl());
    assertThat(viewer.login(AdminCluster.VIEWER, AdminCluster.PASSWORD).status()).isEqualTo(200);
    JSONObject overview = viewer.get("/api/overview").json();
    JSONObject throughput = overview.getJSONObject("throughput");
    assertThat(throughput.getIntValue("windowMinutes")).isEqualTo(5);
    assertThat(throughput.getJSONObject("completedByGroup").getLongValue(group)).isEqualTo(300);
    assertThat(throughput.getJSONObject("failedByGroup").getLongValue(group)).isEqualTo(10);
    // 300 jobs of this group in 5 minutes are 1 job/s; the cluster's own jobs add to that
    assertThat(throughput.getDoubleValue("jobsPerSecond")).isGreaterThanOrEqualTo(1.0);
    assertThat(throughput.getLongValue("completed")).isGreaterThanOrEqualTo(300);
    assertThat(overview.getJSONArray("problems").toString())
        .contains("10 jobs of group " + group + " ended without success in the last 5 minutes");
  }

  @Test
  void theStrictParserRefusesMalformedText() {
    for (String bad :
        List.of(
            "x 1\n",
            "# TYPE x gauge\nx{a=\"1\"} 1",
            "# TYPE x gauge\nx{a=\"1\\t\"} 1\n",
            "# TYPE x gauge\nx{1a=\"1\"} 1\n",
            "# TYPE x gauge\nx 1d\n",
            "# TYPE x gauge\nx 1\nx 2\n",
            "# TYPE x gauge\n# TYPE y gauge\nx 1\ny 1\nx{a=\"b\"} 1\n",
            "# TYPE x meter\nx 1\n")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> PrometheusText.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(PrometheusText.parse("# HELP x a\\\\b\n# TYPE x gauge\nx{a=\"q\\\"\"} +Inf\n"))
        .containsKey("x");
  }
}
