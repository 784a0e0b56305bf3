package com.lts.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.lts.core.cluster.NodeType;
import com.lts.core.store.NodeStats;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every REST endpoint of Admin against a real cluster, as admin, as viewer and without login. */
@ExtendWith(AdminCluster.Shared.class)
class AdminApiTest {

  private static AdminCluster cluster;
  private static RestClient admin;
  private static RestClient viewer;

  @BeforeAll
  static void logIn() {
    cluster = AdminCluster.get();
    admin = new RestClient(cluster.baseUrl());
    assertThat(admin.login(AdminCluster.ADMIN, AdminCluster.PASSWORD).status()).isEqualTo(200);
    viewer = new RestClient(cluster.baseUrl());
    assertThat(viewer.login(AdminCluster.VIEWER, AdminCluster.PASSWORD).status()).isEqualTo(200);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Adds a job due in an hour (so it waits) through the API; returns its job id. */
  static String addWaitingJob(RestClient client, String taskId, String group) {
    JSONObject job = new JSONObject();
    job.put("taskId", taskId);
    job.put("taskTrackerNodeGroup", group);
    job.put("triggerTime", System.currentTimeMillis() + 3_600_000);
    RestClient.Reply reply = client.send("POST", "/api/jobs", job.toJSONString());
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return reply.json().getString("jobId");
  }

  private static JSONObject job(String jobId) {
    RestClient.Reply reply = admin.get("/api/jobs/" + jobId);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void healthAndLoginPageNeedNoLoginButEverythingElseDoes() {
    RestClient anonymous = new RestClient(cluster.baseUrl());
    assertThat(anonymous.get("/health").status()).isEqualTo(200);
    assertThat(anonymous.get("/login.html").status()).isEqualTo(200);
    RestClient.Reply main = anonymous.get("/main.html");
    assertThat(main.status()).isEqualTo(302);
    assertThat(main.raw().headers().firstValue("Location")).contains("/login.html");

    String jobId = addWaitingJob(admin, "anon-probe", "nobody");
    JSONObject paths = admin.get("/api/openapi.json").json().getJSONObject("paths");
    assertThat(paths.keySet()).hasSizeGreaterThan(15);
    int checked = 0;
    for (String template : paths.keySet()) {
      for (String method : paths.getJSONObject(template).keySet()) {
        String path = concrete(template, jobId);
        if (path.equals("/health") || path.equals("/api/login")) {
          continue;
        }
        RestClient.Reply reply = anonymous.send(method.toUpperCase(), path, "{}");
        assertThat(reply.status()).as(method + " " + path).isEqualTo(401);
        assertThat(reply.body()).contains("Log in first").doesNotContain("Exception");
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(15);
  }

  private static String concrete(String template, String jobId) {
    return concrete(template, jobId, jobId);
  }

  private static String concrete(String template, String jobId, String deadJobId) {
    return template
        .replace("/api/dead-jobs/{jobId}", "/api/dead-jobs/" + deadJobId)
        .replace("{jobId}", jobId)
        .replace("{queue}", "executable")
        .replace("{type}", "TASK_TRACKER")
        .replace("{name}", "some_group");
  }

  @Test
  void aViewerSeesEverythingAndIsRefusedEveryChange() {
    String jobId = addWaitingJob(admin, "viewer-probe", "nobody");
    String deadJobId = deadLetter(admin, "viewer-dead-probe");
    long version = job(jobId).getLongValue("version");
    JSONObject paths = admin.get("/api/openapi.json").json().getJSONObject("paths");
    List<String> refused = new ArrayList<>();
    for (String template : paths.keySet()) {
      for (String method : paths.getJSONObject(template).keySet()) {
        String path = concrete(template, jobId, deadJobId);
        if (path.startsWith("/api/login") || path.startsWith("/api/logout")) {
          continue;
        }
        if (method.equals("get")) {
          if (path.equals("/api/audit")) {
            assertThat(viewer.get(path).status()).as("viewer GET " + path).isEqualTo(403);
          } else if (!path.endsWith("/stream") && !path.startsWith("/api/stats")) {
            assertThat(viewer.get(path).status()).as("viewer GET " + path).isEqualTo(200);
          }
          continue;
        }
        RestClient.Reply reply =
            viewer.send(
                method.toUpperCase(),
                path,
                "{\"taskId\":\"v\",\"taskTrackerNodeGroup\":\"g\",\"nodeType\":\"TASK_TRACKER\","
                    + "\"name\":\"g\",\"expectedVersion\":"
                    + version
                    + "}");
        assertThat(reply.status()).as(method + " " + path).isEqualTo(403);
        assertThat(reply.body()).contains("viewer");
        refused.add(method + " " + path);
      }
    }
    assertThat(refused).hasSize(13);
    assertThat(admin.get("/api/dead-jobs/" + deadJobId).status()).isEqualTo(200);
    JSONObject after = job(jobId);
    assertThat(after.getString("state")).isEqualTo("EXECUTABLE");
    assertThat(after.getLongValue("version")).isEqualTo(version);
  }

  @Test
  void aChangeWithoutTheRightCsrfTokenIsRefused() {
    String jobId = addWaitingJob(admin, "csrf-probe", "nobody");
    RestClient forged = new RestClient(cluster.baseUrl());
    forged.cookie = admin.cookie;
    forged.csrf = "not-the-token";
    RestClient.Reply reply = forged.send("POST", "/api/jobs/" + jobId + "/suspend", null);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.body()).contains("X-CSRF-Token");
    forged.csrf = null;
    assertThat(forged.send("DELETE", "/api/jobs/" + jobId, null).status()).isEqualTo(403);
    assertThat(job(jobId).getString("state")).isEqualTo("EXECUTABLE");
  }

  @Test
  void wrongPasswordsAreRefusedAndSlowedDown() {
    RestClient guesser = new RestClient(cluster.baseUrl());
    RestClient.Reply first = guesser.login(AdminCluster.ADMIN + "x", "guess");
    assertThat(first.status()).isEqualTo(401);
    assertThat(first.body()).contains("Wrong user name or password");
    RestClient.Reply second = guesser.login(AdminCluster.ADMIN + "x", "guess2");
    assertThat(second.status()).isEqualTo(429);
    assertThat(second.body()).contains("try again in");
    assertThat(guesser.login("someone-else", "wrong").status()).isEqualTo(401);
    assertThat(guesser.send("POST", "/api/login", "not json").status()).isEqualTo(400);
  }

  @Test
  void sessionCookieAndSecurityHeaders() {
    RestClient fresh = new RestClient(cluster.baseUrl());
    RestClient.Reply login = fresh.login(AdminCluster.VIEWER, AdminCluster.PASSWORD);
    String setCookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
    assertThat(login.json().getString("role")).isEqualTo("viewer");
    for (String path : List.of("/login.html", "/api/overview", "/main.html")) {
      RestClient.Reply reply = fresh.get(path);
      assertThat(reply.raw().headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("frame-ancestors 'none'")
          .contains("script-src 'self'");
      assertThat(reply.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }
    assertThat(fresh.send("POST", "/api/logout", null).status()).isEqualTo(200);
    assertThat(fresh.get("/api/overview").status()).isEqualTo(401);
  }

  @Test
  void injectionInFiltersFindsNothingAndBreaksNothing() {
    addWaitingJob(admin, "inject-target", "inject_group");
    String[] attempts = {"' OR '1'='1", "x\" OR 1=1 --", "'; DROP TABLE lts_job; --", "%"};
    for (String attempt : attempts) {
      RestClient.Reply reply = admin.get("/api/queues/executable?taskId=" + encode(attempt));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().getJSONArray("items")).isEmpty();
      RestClient.Reply group = admin.get("/api/queues/executable?group=" + encode(attempt));
      assertThat(group.status()).isEqualTo(400);
      assertThat(group.body()).contains("group").doesNotContain("Exception");
    }
    RestClient.Reply sort = admin.get("/api/queues/executable?sort=" + encode("job_id; DROP"));
    assertThat(sort.status()).isEqualTo(400);
    assertThat(sort.body()).contains("Unknown parameter 'sort'");
    assertThat(admin.get("/api/queues/" + encode("executable' --")).status()).isEqualTo(404);
    assertThat(admin.get("/api/queues/executable?cursor=" + encode("1 OR 1=1")).status())
        .isEqualTo(400);
    assertThat(admin.get("/api/queues/executable?limit=100000").status()).isEqualTo(400);
    assertThat(admin.get("/api/jobs/" + encode("x' OR '1'='1")).status()).isEqualTo(400);
    RestClient.Reply found = admin.get("/api/queues/executable?taskId=inject-target");
    assertThat(found.json().getJSONArray("items")).hasSize(1);
  }

  @Test
  void addEditSuspendResumeTriggerAndDeleteAJob() {
    String jobId = addWaitingJob(admin, "lifecycle", "nobody");
    JSONObject stored = job(jobId);
    assertThat(stored.getString("submitNodeGroup")).isEqualTo(LtsAdmin.NODE_GROUP);

    JSONObject edit = new JSONObject();
    edit.put("priority", 7);
    edit.put("triggerTime", stored.getLongValue("triggerTime"));
    edit.put("params", Map.of("k", "v"));
    edit.put("expectedVersion", stored.getLongValue("version"));
    RestClient.Reply edited = admin.send("PUT", "/api/jobs/" + jobId, edit.toJSONString());
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(job(jobId).getIntValue("priority")).isEqualTo(7);
    assertThat(job(jobId).getJSONObject("params").getString("k")).isEqualTo("v");
    RestClient.Reply stale = admin.send("PUT", "/api/jobs/" + jobId, edit.toJSONString());
    assertThat(stale.status()).isEqualTo(409);

    assertThat(admin.send("POST", "/api/jobs/" + jobId + "/suspend", null).status()).isEqualTo(200);
    assertThat(job(jobId).getString("state")).isEqualTo("SUSPENDED");
    assertThat(admin.get("/api/queues/suspended?taskId=lifecycle").json().getJSONArray("items"))
        .hasSize(1);
    assertThat(admin.send("POST", "/api/jobs/" + jobId + "/suspend", null).status()).isEqualTo(409);
    assertThat(admin.send("POST", "/api/jobs/" + jobId + "/resume", null).status()).isEqualTo(200);
    assertThat(admin.send("DELETE", "/api/jobs/" + jobId, null).status()).isEqualTo(200);
    assertThat(admin.get("/api/jobs/" + jobId).status()).isEqualTo(404);
    assertThat(admin.send("POST", "/api/jobs/" + jobId + "/trigger", null).status()).isEqualTo(404);

    String runNow = addWaitingJob(admin, "trigger-me", AdminCluster.GROUP);
    assertThat(admin.send("POST", "/api/jobs/" + runNow + "/trigger", null).status())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.runs("trigger-me") == 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JSONArray lines =
                  admin.get("/api/jobs/" + runNow + "/logs").json().getJSONArray("items");
              assertThat(lines.stream().map(l -> ((JSONObject) l).getString("type")))
                  .contains("RECEIVED", "TRIGGERED", "DISPATCHED", "BIZ", "FINISHED");
            });
  }

  /** Adds a job that fails with no retry left and returns its dead letter's job id. */
  private static String deadLetter(RestClient client, String taskId) {
    JSONObject job = new JSONObject();
    job.put("taskId", taskId);
    job.put("taskTrackerNodeGroup", AdminCluster.GROUP);
    job.put("params", Map.of("fail", "true"));
    RestClient.Reply added = client.send("POST", "/api/jobs", job.toJSONString());
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String jobId = added.json().getString("jobId");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> client.get("/api/dead-jobs/" + jobId).status() == 200);
    return jobId;
  }

  @Test
  void alertRulesAreStoredCheckedAndReset() {
    String rule = "lts.alert.queue.depth.threshold";
    RestClient.Reply stored = admin.send("PUT", "/api/alert-rules/" + rule, "{\"value\":\"250\"}");
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    JSONObject listed =
        admin.get("/api/alert-rules").json().getJSONArray("rules").stream()
            .map(JSONObject.class::cast)
            .filter(r -> r.getString("name").equals(rule))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getString("value")).isEqualTo("250");
    assertThat(listed.getString("modifiedBy")).isEqualTo(AdminCluster.ADMIN);
    assertThat(listed.getString("defaultValue")).isEqualTo("0");
    assertThat(cluster.store.settings().all().get(rule).value()).isEqualTo("250");

    RestClient.Reply bad = admin.send("PUT", "/api/alert-rules/" + rule, "{\"value\":\"lots\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getString("error")).contains(rule, "lots");
    assertThat(
            admin
                .send("PUT", "/api/alert-rules/lts.alert.webhook.url", "{\"value\":\"x\"}")
                .status())
        .isEqualTo(404);
    assertThat(admin.send("PUT", "/api/alert-rules/" + rule, "{}").status()).isEqualTo(400);
    assertThat(cluster.store.settings().all().get(rule).value()).isEqualTo("250");

    assertThat(admin.send("DELETE", "/api/alert-rules/" + rule, null).status()).isEqualTo(200);
    assertThat(cluster.store.settings().all()).doesNotContainKey(rule);
  }

  @Test
  void aDeadLetterIsListedRetriedAndDeleted() {
    String deadId = deadLetter(admin, "dead-in-admin");
    JSONArray listed =
        admin.get("/api/dead-jobs?taskId=dead-in-admin").json().getJSONArray("items");
    assertThat(listed).hasSize(1);
    JSONObject letter = listed.getJSONObject(0);
    assertThat(letter.getString("jobId")).isEqualTo(deadId);
    assertThat(letter.getString("action")).isEqualTo("EXECUTE_EXCEPTION");
    assertThat(letter.getString("msg")).contains("failing as asked for dead-in-admin");
    assertThat(admin.get("/api/overview").json().getJSONArray("problems").toJSONString())
        .contains("deadLetters");
    assertThat(admin.get("/api/dead-jobs?taskId=x%27%20OR%201%3D1--").json().getJSONArray("items"))
        .isEmpty();
    assertThat(admin.get("/api/dead-jobs?cursor=%27;DROP").status()).isEqualTo(400);

    RestClient.Reply retried = admin.send("POST", "/api/dead-jobs/" + deadId + "/retry", null);
    assertThat(retried.status()).as(retried.body()).isEqualTo(200);
    String again = retried.json().getString("jobId");
    assertThat(again).isNotEqualTo(deadId);
    await().atMost(Duration.ofSeconds(20)).until(() -> cluster.runs("dead-in-admin") == 2);
    assertThat(admin.get("/api/dead-jobs/" + deadId).status()).isEqualTo(404);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> admin.get("/api/dead-jobs/" + again).status() == 200);
    assertThat(admin.send("DELETE", "/api/dead-jobs/" + again, null).status()).isEqualTo(200);
    assertThat(admin.get("/api/dead-jobs/" + again).status()).isEqualTo(404);
    assertThat(admin.send("DELETE", "/api/dead-jobs/" + again, null).status()).isEqualTo(404);
  }

  @Test
  void aRunningJobIsTerminatedAndEndsAsFailed() {
    JSONObject job = new JSONObject();
    job.put("taskId", "endless");
    job.put("taskTrackerNodeGroup", AdminCluster.GROUP);
    job.put("maxRetryTimes", 2);
    job.put("params", Map.of("lines", "600", "pauseMillis", "100"));
    RestClient.Reply added = admin.send("POST", "/api/jobs", job.toJSONString());
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String jobId = added.json().getString("jobId");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> "EXECUTING".equals(admin.get("/api/jobs/" + jobId).json().getString("state")));

    RestClient.Reply terminated = admin.send("POST", "/api/jobs/" + jobId + "/terminate", null);
    assertThat(terminated.status()).as(terminated.body()).isEqualTo(200);
    assertThat(terminated.json().getString("message")).contains("Terminated the run");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> admin.get("/api/jobs/" + jobId).status() == 404);
    JSONArray lines = admin.get("/api/jobs/" + jobId + "/logs").json().getJSONArray("items");
    assertThat(lines.stream().map(l -> ((JSONObject) l).getString("type")))
        .contains("TERMINATED", "FINISHED")
        .doesNotContain("RETRIED");
    assertThat(cluster.runs("endless")).isEqualTo(1);
    assertThat(admin.send("POST", "/api/jobs/" + jobId + "/terminate", null).status())
        .isEqualTo(404);

    String waiting = addWaitingJob(admin, "not-running", AdminCluster.GROUP);
    RestClient.Reply refused = admin.send("POST", "/api/jobs/" + waiting + "/terminate", null);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().getString("error")).contains("not running");
  }

  @Test
  void badJobsAreRefusedWithEveryProblemNamed() {
    JSONObject job = new JSONObject();
    job.put("taskId", "bad-cron");
    job.put("taskTrackerNodeGroup", AdminCluster.GROUP);
    job.put("cronExpression", "every minute");
    RestClient.Reply reply = admin.send("POST", "/api/jobs", job.toJSONString());
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getString("error")).contains("cronExpression").contains("Quartz");

    job.put("cronExpression", "0 0/1 * * * ?");
    job.put("color", "red");
    job.put("priority", "high");
    String error = admin.send("POST", "/api/jobs", job.toJSONString()).json().getString("error");
    assertThat(error).contains("color: unknown field").contains("priority: must be a whole number");

    assertThat(admin.send("POST", "/api/jobs", "[1,2]").json().getString("error"))
        .contains("JSON object");
    assertThat(admin.send("POST", "/api/jobs", "{}").json().getString("error")).contains("taskId");
    JSONObject duplicate = new JSONObject();
    duplicate.put("taskId", "dup");
    duplicate.put("taskTrackerNodeGroup", "nobody");
    duplicate.put("triggerTime", System.currentTimeMillis() + 3_600_000);
    assertThat(admin.send("POST", "/api/jobs", duplicate.toJSONString()).status()).isEqualTo(201);
    RestClient.Reply again = admin.send("POST", "/api/jobs", duplicate.toJSONString());
    assertThat(again.status()).isEqualTo(409);
    assertThat(admin.send("PATCH", "/api/jobs", "{}").status()).isEqualTo(405);
    assertThat(admin.get("/api/nope").status()).isEqualTo(404);
  }

  @Test
  void overviewNamesGroupsWithJobsButNoTaskTracker() {
    addWaitingJob(admin, "orphan", "orphan_group");
    JSONObject overview = admin.get("/api/overview").json();
    assertThat(overview.getJSONObject("nodes").getJSONObject("JOB_TRACKER").getIntValue("lts"))
        .isEqualTo(1);
    assertThat(overview.getJSONObject("nodes").getJSONObject("TASK_TRACKER").keySet())
        .contains(AdminCluster.GROUP);
    assertThat(
            overview
                .getJSONObject("queues")
                .getJSONObject("executable")
                .getLongValue("orphan_group"))
        .isEqualTo(1);
    assertThat(overview.getJSONArray("problems").toString())
        .contains("orphan_group has jobs but no TaskTracker")
        .doesNotContain("Node group " + AdminCluster.GROUP + " has jobs");
    JSONObject nodeList = admin.get("/api/nodes").json();
    JSONArray nodes = nodeList.getJSONArray("items");
    String jobTracker =
        nodes.stream()
            .map(n -> (JSONObject) n)
            .filter(n -> n.getString("nodeType").equals("JOB_TRACKER"))
            .findFirst()
            .orElseThrow()
            .getString("identity");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jobTracker.equals(
                    admin
                        .get("/api/nodes")
                        .json()
                        .getJSONObject("masters")
                        .get("JOB_TRACKER/lts")));
    assertThat(nodes.stream().map(n -> ((JSONObject) n).getString("nodeType")))
        .contains("JOB_TRACKER", "TASK_TRACKER", "JOB_CLIENT");
    assertThat(admin.get("/api/feedback").json().getJSONObject("counts")).isNotNull();
    assertThat(admin.get("/api/feedback?group=web").json().getJSONArray("items")).isEmpty();
  }

  @Test
  void nodeGroupsAreAddedListedAndRemoved() {
    String body = "{\"nodeType\":\"TASK_TRACKER\",\"name\":\"billing\"}";
    assertThat(admin.send("POST", "/api/node-groups", body).status()).isEqualTo(201);
    assertThat(admin.send("POST", "/api/node-groups", body).status()).isEqualTo(409);
    assertThat(admin.get("/api/node-groups").body()).contains("billing");
    assertThat(
            admin
                .send(
                    "POST", "/api/node-groups", "{\"nodeType\":\"TASK_TRACKER\",\"name\":\"a b\"}")
                .json()
                .getString("error"))
        .contains("may only contain");
    assertThat(
            admin
                .send("POST", "/api/node-groups", "{\"nodeType\":\"ROOT\",\"name\":\"x\"}")
                .status())
        .isEqualTo(400);
    assertThat(admin.send("DELETE", "/api/node-groups/TASK_TRACKER/billing", null).status())
        .isEqualTo(200);
    assertThat(admin.send("DELETE", "/api/node-groups/TASK_TRACKER/billing", null).status())
        .isEqualTo(404);
  }

  @Test
  void statsShowWhateverFiguresANodeReported() {
    long minute = System.currentTimeMillis() / 60_000 * 60_000;
    cluster
        .store
        .nodeStats()
        .append(
            List.of(
                new NodeStats(
                    "TT_test_stats",
                    NodeType.TASK_TRACKER,
                    "shop",
                    minute - 60_000,
                    Map.of("jobs.succeeded", 12.0, "jvm.heap.used", 1.5e8)),
                new NodeStats(
                    "TT_test_stats",
                    NodeType.TASK_TRACKER,
                    "shop",
                    minute,
                    Map.of("jobs.succeeded", 20.0))));
    JSONObject stats = admin.get("/api/stats?identity=TT_test_stats").json();
    assertThat(stats.getJSONArray("items")).hasSize(2);
    assertThat(stats.getJSONArray("items").getJSONObject(0).getJSONObject("values").keySet())
        .contains("jobs.succeeded", "jvm.heap.used");
    assertThat(admin.get("/api/stats").status()).isEqualTo(400);
    assertThat(admin.get("/api/stats?identity=x&from=yesterday").json().getString("error"))
        .contains("from");
  }
}
