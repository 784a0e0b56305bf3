package com.lts.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** Every change made through Admin is audited (who, what, when, from where, how it ended). */
@ExtendWith(AdminCluster.Shared.class)
class AdminAuditTest {

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Logger root;

  @BeforeEach
  void captureLogs() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logged.start();
    root.addAppender(logged);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(logged);
  }

  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    synchronized (logged) {
      for (ILoggingEvent event : List.copyOf(logged.list)) {
        String line = event.getLoggerName() + " " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
          line += " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        lines.add(line);
      }
    }
    return lines;
  }

  private static List<JSONObject> audit(RestClient client, String query) {
    RestClient.Reply reply = client.get("/api/audit" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JSONArray items = reply.json().getJSONArray("items");
    List<JSONObject> entries = new ArrayList<>();
    items.forEach(item -> entries.add((JSONObject) item));
    return entries;
  }

  @Test
  void changesLoginsAndRefusalsAreAuditedWithoutAnySecret() {
    AdminCluster cluster = AdminCluster.get();
    RestClient admin = new RestClient(cluster.baseUrl());
    assertThat(admin.login(AdminCluster.ADMIN, AdminCluster.PASSWORD).status()).isEqualTo(200);
    String wrongPassword = "Tr0ub4dor&3-not-it";
    RestClient guesser = new RestClient(cluster.baseUrl());
    assertThat(guesser.login("audit_guesser", wrongPassword).status()).isEqualTo(401);

    String jobId = AdminApiTest.addWaitingJob(admin, "audited-job", "audit_group");
    assertThat(admin.send("POST", "/api/jobs/" + jobId + "/suspend", null).status()).isEqualTo(200);
    assertThat(admin.send("POST", "/api/jobs/" + jobId + "/suspend", null).status()).isEqualTo(409);
    String group = "{\"nodeType\":\"TASK_TRACKER\",\"name\":\"audit_nodes\"}";
    assertThat(admin.send("POST", "/api/node-groups", group).status()).isEqualTo(201);
    assertThat(admin.send("DELETE", "/api/node-groups/TASK_TRACKER/audit_nodes", null).status())
        .isEqualTo(200);
    RestClient viewer = new RestClient(cluster.baseUrl());
    assertThat(viewer.login(AdminCluster.VIEWER, AdminCluster.PASSWORD).status()).isEqualTo(200);
    assertThat(viewer.send("DELETE", "/api/jobs/" + jobId, null).status()).isEqualTo(403);
    assertThat(viewer.get("/api/audit").status()).isEqualTo(403);
    assertThat(viewer.send("POST", "/api/logout", null).status()).isEqualTo(200);

    List<JSONObject> mine = audit(admin, "?user=" + AdminCluster.ADMIN + "&limit=1000");
    assertThat(mine)
        .anySatisfy(e -> assertEntry(e, "login", "DONE", 200))
        .anySatisfy(
            e -> {
              assertEntry(e, "job.add", "DONE", 201);
              assertThat(e.getJSONObject("target").getString("jobId")).isEqualTo(jobId);
              assertThat(e.getJSONObject("target").getString("taskId")).isEqualTo("audited-job");
            })
        .anySatisfy(
            e -> {
              assertEntry(e, "job.suspend", "REFUSED", 409);
              assertThat(e.getString("message")).isNotEmpty();
            })
        .anySatisfy(
            e -> {
              assertEntry(e, "nodeGroup.remove", "DONE", 200);
              assertThat(e.getJSONObject("target").getString("name")).isEqualTo("audit_nodes");
            });
    assertThat(audit(admin, "?action=login&user=audit_guesser"))
        .singleElement()
        .satisfies(e -> assertEntry(e, "login", "REFUSED", 401));
    assertThat(audit(admin, "?user=" + AdminCluster.VIEWER + "&limit=1000"))
        .anySatisfy(e -> assertEntry(e, "job.delete", "REFUSED", 403))
        .anySatisfy(e -> assertEntry(e, "logout", "DONE", 200));
    List<JSONObject> newestFirst = audit(admin, "?limit=2");
    assertThat(newestFirst).hasSize(2);
    assertThat(newestFirst.get(0).getLongValue("time"))
        .isGreaterThanOrEqualTo(newestFirst.get(1).getLongValue("time"));
    assertThat(admin.get("/api/audit?secret=1").status()).isEqualTo(400);

    assertThat(lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(AuditLog.LOGGER)
                    .contains("user=\"" + AdminCluster.ADMIN + "\"")
                    .contains("action=\"job.suspend\"")
                    .contains("address=\"127.0.0.1\"")
                    .contains("outcome=DONE"))
        .anySatisfy(
            line -> assertThat(line).contains("user=\"audit_guesser\"").contains("REFUSED"));

    String cookie = admin.cookie.substring(admin.cookie.indexOf('=') + 1);
    List<String> secrets =
        List.of(
            AdminCluster.PASSWORD, wrongPassword, cookie, admin.csrf, AdminCluster.METRICS_TOKEN);
    List<String> answers = new ArrayList<>(lines());
    for (String path :
        List.of(
            "/api/audit?limit=1000",
            "/api/overview",
            "/api/nodes",
            "/api/jobs/" + jobId,
            "/api/openapi.json",
            "/metrics")) {
      answers.add(admin.get(path).body());
    }
    for (String text : answers) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }

  private static void assertEntry(JSONObject entry, String action, String outcome, int status) {
    assertThat(entry.getString("action")).isEqualTo(action);
    assertThat(entry.getString("outcome")).isEqualTo(outcome);
    assertThat(entry.getIntValue("status")).isEqualTo(status);
    assertThat(entry.getString("address")).isEqualTo("127.0.0.1");
    assertThat(entry.getLongValue("time")).isPositive();
  }
}
