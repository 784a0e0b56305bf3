package com.lts.admin.web;

import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.audit.AuditEntry;
import com.lts.admin.audit.AuditLog;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one answered change (any method but GET) into an {@link AuditEntry}: the route names the
 * action, the path variables and a few identifying body fields name the target. Only the fields in
 * {@link #TARGET_FIELDS} are ever taken from a body, so a password, token or job params never reach
 * the audit.
 */
final class AuditTrail {

  /** Body fields that identify what a change was about; nothing else of a body is kept. */
  static final List<String> TARGET_FIELDS =
      List.of("taskId", "taskTrackerNodeGroup", "nodeType", "name", "value" /* an alert rule's */);

  private static final Map<String, String> ACTIONS =
      Map.ofEntries(
          Map.entry("POST /api/login", "login"),
          Map.entry("POST /api/logout", "logout"),
          Map.entry("POST /api/jobs", "job.add"),
          Map.entry("PUT /api/jobs/{jobId}", "job.edit"),
          Map.entry("DELETE /api/jobs/{jobId}", "job.delete"),
          Map.entry("POST /api/jobs/{jobId}/suspend", "job.suspend"),
          Map.entry("POST /api/jobs/{jobId}/resume", "job.resume"),
          Map.entry("POST /api/jobs/{jobId}/trigger", "job.trigger"),
          Map.entry("POST /api/jobs/{jobId}/terminate", "job.terminate"),
          Map.entry("POST /api/dead-jobs/{jobId}/retry", "deadJob.retry"),
          Map.entry("DELETE /api/dead-jobs/{jobId}", "deadJob.delete"),
          Map.entry("PUT /api/alert-rules/{name}", "alertRule.set"),
          Map.entry("DELETE /api/alert-rules/{name}", "alertRule.reset"),
          Map.entry("POST /api/node-groups", "nodeGroup.add"),
          Map.entry("DELETE /api/node-groups/{type}/{name}", "nodeGroup.remove"));

  private final AuditLog log;

  AuditTrail(AuditLog log) {
    this.log = log;
  }

  /** The action a route's change is audited as; routes not named above by method and path. */
  static String action(Route route) {
    String key = route.method() + " " + route.template();
    return ACTIONS.getOrDefault(key, key);
  }

  void record(Route route, Map<String, String> variables, Exchange exchange) {
    Map<String, String> target = new TreeMap<>(variables);
    JSONObject body = exchange.bodyIfRead();
    String user = exchange.session() == null ? null : exchange.session().user().name();
    if (body != null) {
      for (String field : TARGET_FIELDS) {
        if (body.get(field) instanceof String value) {
          target.put(field, value);
        }
      }
      if (user == null && body.get("username") instanceof String tried) {
        user = tried; // a login: who tried
      }
    }
    int status = exchange.status();
    if (exchange.answered() instanceof Map<?, ?> answer
        && answer.get("jobId") instanceof String jobId) {
      target.putIfAbsent("jobId", jobId); // the job a submit made
    }
    String message =
        exchange.answered() instanceof Map<?, ?> answer && answer.get("error") instanceof String e
            ? e
            : "";
    log.record(
        new AuditEntry(
            System.currentTimeMillis(),
            user == null || user.isBlank() ? "-" : user,
            exchange.remoteAddress(),
            action(route),
            target,
            status,
            status == 0 ? "FAILED" : AuditEntry.outcome(status),
            message));
  }
}
