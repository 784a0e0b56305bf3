package com.lts.admin.api;

import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.Exchange;
import com.lts.core.cluster.NodeType;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The overview: nodes per type and group, queue depths per group, jobs per second and failures per
 * group, and what needs attention.
 */
final class OverviewApi {

  static final int THROUGHPUT_MINUTES = 5;

  private final ClusterView cluster;
  private final Store store;

  OverviewApi(ClusterView cluster, Store store) {
    this.cluster = cluster;
    this.store = store;
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/api/overview", Access.VIEW, this::overview);
  }

  private void overview(Exchange exchange) throws Exception {
    Map<String, Map<String, Long>> queues = new LinkedHashMap<>();
    for (JobQueue queue : JobQueue.values()) {
      queues.put(queue.name().toLowerCase(Locale.ROOT), store.jobs().countByGroup(queue));
    }
    Map<String, Long> feedback = store.feedback().countByGroup();
    Map<String, Long> deadJobs = store.deadJobs().countByGroup();
    Map<String, Object> throughput = throughput(System.currentTimeMillis());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("nodes", cluster.counts());
    json.put("queues", queues);
    json.put("feedback", feedback);
    json.put("deadJobs", deadJobs);
    json.put("throughput", throughput);
    List<Map<String, String>> problems = problems(queues, feedback, deadJobs);
    @SuppressWarnings("unchecked")
    Map<String, Long> failed = (Map<String, Long>) throughput.get("failedByGroup");
    failed.forEach(
        (group, count) ->
            problems.add(
                problem(
                    "jobsFailed",
                    group,
                    count
                        + " jobs of group "
                        + group
                        + " ended without success in the last "
                        + THROUGHPUT_MINUTES
                        + " minutes")));
    json.put("problems", problems);
    exchange.json(200, json);
  }

  /**
   * Jobs completed and failed over the last {@value #THROUGHPUT_MINUTES} whole minutes, from the
   * JobTrackers' statistics rows (the minute under way is not reported yet).
   */
  private Map<String, Object> throughput(long now) {
    long end = now / LatestStats.MINUTE * LatestStats.MINUTE;
    long from = end - THROUGHPUT_MINUTES * LatestStats.MINUTE;
    return LatestStats.throughput(store.nodeStats().queryAll(from, end), THROUGHPUT_MINUTES);
  }

  private List<Map<String, String>> problems(
      Map<String, Map<String, Long>> queues,
      Map<String, Long> feedback,
      Map<String, Long> deadJobs) {
    List<Map<String, String>> problems = new ArrayList<>();
    if (cluster.nodes().stream().noneMatch(n -> n.getNodeType() == NodeType.JOB_TRACKER)) {
      problems.add(
          problem("noJobTracker", "", "No JobTracker is online: nothing is dispatched or changed"));
    }
    TreeSet<String> groupsWithJobs = new TreeSet<>();
    for (String queue : List.of("executable", "executing", "cron", "repeat")) {
      groupsWithJobs.addAll(queues.get(queue).keySet());
    }
    for (String group : groupsWithJobs) {
      if (!cluster.hasTaskTracker(group)) {
        problems.add(
            problem(
                "noTaskTracker",
                group,
                "Node group " + group + " has jobs but no TaskTracker online to run them"));
      }
    }
    feedback.forEach(
        (group, count) ->
            problems.add(
                problem(
                    "feedbackWaiting",
                    group,
                    count + " job results wait for a JobClient of group " + group)));
    deadJobs.forEach(
        (group, count) ->
            problems.add(
                problem(
                    "deadLetters",
                    group,
                    count + " jobs of group " + group + " used up their retries (dead letters)")));
    return problems;
  }

  private static Map<String, String> problem(String kind, String group, String message) {
    return Map.of("kind", kind, "group", group, "message", message);
  }
}
