package com.lts.admin.api;

import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The OpenAPI 3 document of every route, made from the route table so it never drifts. */
final class OpenApiDoc {

  private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
  private static final Map<String, String> SUMMARIES =
      Map.ofEntries(
          Map.entry("GET /health", "Health check; no login needed"),
          Map.entry("POST /api/login", "Log in with {username, password}; sets the session cookie"),
          Map.entry("POST /api/logout", "Log out"),
          Map.entry("GET /api/session", "The logged-in user, role and CSRF token"),
          Map.entry(
              "GET /api/overview",
              "Nodes per type and group, queue depths, jobs/s and failures per group, problems"),
          Map.entry("GET /api/nodes", "Nodes online"),
          Map.entry("GET /api/nodes/stream", "Server-sent events: snapshot, added, removed"),
          Map.entry(
              "GET /api/queues/{queue}",
              "A page of a queue (executable, executing, cron, repeat, suspended); filters taskId,"
                  + " group, submitGroup, from, to (trigger time), cursor, limit"),
          Map.entry("GET /api/feedback", "Feedback waiting: counts, or a page for one group"),
          Map.entry("GET /api/jobs/{jobId}", "One job's fields and state"),
          Map.entry("GET /api/jobs/{jobId}/logs", "A page of a job's log, oldest first"),
          Map.entry("GET /api/jobs/{jobId}/logs/stream", "Server-sent events: new log lines"),
          Map.entry("POST /api/jobs", "Add a job (through a JobTracker)"),
          Map.entry(
              "PUT /api/jobs/{jobId}", "Edit a job that is not running; needs expectedVersion"),
          Map.entry("DELETE /api/jobs/{jobId}", "Delete a job that is not running, or a schedule"),
          Map.entry("POST /api/jobs/{jobId}/suspend", "Suspend a waiting job or a schedule"),
          Map.entry("POST /api/jobs/{jobId}/resume", "Resume a suspended job or schedule"),
          Map.entry("POST /api/jobs/{jobId}/trigger", "Run a waiting job or a schedule now"),
          Map.entry(
              "POST /api/jobs/{jobId}/terminate",
              "Stop the run in progress (it ends as failed, not retried)"),
          Map.entry("GET /api/dead-jobs", "Dead letters (group, taskId, cursor, limit)"),
          Map.entry("GET /api/dead-jobs/{jobId}", "One dead letter"),
          Map.entry("POST /api/dead-jobs/{jobId}/retry", "Run a dead letter again"),
          Map.entry("DELETE /api/dead-jobs/{jobId}", "Delete a dead letter"),
          Map.entry("GET /api/alert-rules", "The alert rules: default and stored value of each"),
          Map.entry("PUT /api/alert-rules/{name}", "Store a rule's value: {value}"),
          Map.entry("DELETE /api/alert-rules/{name}", "Back to the JobTrackers' configuration"),
          Map.entry("GET /api/node-groups", "Node groups of TaskTrackers and JobClients"),
          Map.entry("POST /api/node-groups", "Add a node group: {nodeType, name}"),
          Map.entry("DELETE /api/node-groups/{type}/{name}", "Remove a node group"),
          Map.entry("GET /api/stats", "A node's per-minute figures: identity, from, to"),
          Map.entry("GET /api/audit", "Recent changes made through Admin: user, action, limit"),
          Map.entry(
              "GET /metrics",
              "Prometheus text: every node's latest statistics row; a login or the bearer"
                  + " lts.admin.metrics.token"),
          Map.entry("GET /api/openapi.json", "This document"));

  private OpenApiDoc() {}

  static Map<String, Object> document(List<Route> routes, String version) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Route route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> path =
          (Map<String, Object>) paths.computeIfAbsent(route.template(), t -> new LinkedHashMap<>());
      Map<String, Object> operation = new LinkedHashMap<>();
      operation.put("summary", SUMMARIES.getOrDefault(route.method() + " " + route.template(), ""));
      operation.put("parameters", pathParameters(route.template()));
      if (route.template().equals("/metrics")) {
        operation.put(
            "security", List.of(Map.of("session", List.of()), Map.of("bearer", List.of())));
      } else if (route.access() == Access.PUBLIC) {
        operation.put("security", List.of());
      } else if (route.access() == Access.CHANGE) {
        operation.put(
            "description", "Role admin; send the session's token in " + AdminHandler.CSRF_HEADER);
      } else if (route.access() == Access.ADMIN) {
        operation.put("description", "Role admin");
      }
      operation.put(
          "responses",
          Map.of(
              "200", Map.of("description", "Done; JSON"),
              "400", Map.of("description", "Bad input: {error} says what is wrong"),
              "401", Map.of("description", "Not logged in"),
              "403", Map.of("description", "Viewer, or missing/wrong CSRF token")));
      path.put(route.method().toLowerCase(Locale.ROOT), operation);
    }
    return Map.of(
        "openapi", "3.0.3",
        "info", Map.of("title", "LTS Admin", "version", version),
        "components",
            Map.of(
                "securitySchemes",
                Map.of(
                    "session",
                    Map.of("type", "apiKey", "in", "cookie", "name", AdminHandler.SESSION_COOKIE),
                    "bearer",
                    Map.of(
                        "type",
                        "http",
                        "scheme",
                        "bearer",
                        "description",
                        "lts.admin.metrics.token, for GET /metrics only"))),
        "security", List.of(Map.of("session", List.of())),
        "paths", paths);
  }

  private static List<Map<String, Object>> pathParameters(String template) {
    Matcher m = VARIABLE.matcher(template);
    List<Map<String, Object>> parameters = new java.util.ArrayList<>();
    while (m.find()) {
      parameters.add(
          Map.of(
              "name",
              m.group(1),
              "in",
              "path",
              "required",
              true,
              "schema",
              Map.of("type", "string")));
    }
    return parameters;
  }
}
