package com.lts.admin.api;

import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.ApiException;
import com.lts.admin.web.Exchange;
import com.lts.core.store.Feedback;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.JobQueue;
import com.lts.core.store.Page;
import com.lts.core.store.QueueQuery;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The queues (executable, executing, cron, repeat, suspended) and the feedback waiting. */
final class QueueApi {

  static final Map<String, JobQueue> QUEUES = queues();
  private static final Set<String> FILTERS =
      Set.of("taskId", "group", "submitGroup", "from", "to", "cursor", "limit");
  private static final Set<String> FEEDBACK_FILTERS = Set.of("group", "cursor", "limit");

  private final Store store;

  QueueApi(Store store) {
    this.store = store;
  }

  private static Map<String, JobQueue> queues() {
    Map<String, JobQueue> queues = new LinkedHashMap<>();
    for (JobQueue queue : JobQueue.values()) {
      queues.put(queue.name().toLowerCase(Locale.ROOT), queue);
    }
    return queues;
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/api/queues/{queue}", Access.VIEW, this::browse);
    handler.add("GET", "/api/feedback", Access.VIEW, this::feedback);
  }

  private void browse(Exchange exchange) throws Exception {
    JobQueue queue = QUEUES.get(exchange.path("queue"));
    if (queue == null) {
      throw ApiException.notFound(
          "No queue '"
              + exchange.path("queue")
              + "'; queues: "
              + String.join(", ", QUEUES.keySet()));
    }
    QueueQuery query =
        QueueQuery.of(queue, Params.limit(exchange.query("limit", FILTERS), 50, 1_000))
            .group(Params.group("group", exchange.query("group", FILTERS)))
            .taskId(Params.taskId(exchange.query("taskId", FILTERS)))
            .submitGroup(Params.group("submitGroup", exchange.query("submitGroup", FILTERS)))
            .after(Params.cursor(exchange.query("cursor", FILTERS)));
    Long from = Params.time("from", exchange.query("from", FILTERS));
    Long to = Params.time("to", exchange.query("to", FILTERS));
    if (from != null || to != null) {
      long fromTime = from == null ? 0 : from;
      long toTime = to == null ? Long.MAX_VALUE : to;
      if (fromTime > toTime) {
        throw ApiException.badRequest("from: must not be after to");
      }
      query = query.triggerBetween(fromTime, toTime);
    }
    Page<StoredJob> page;
    try {
      page = store.jobs().browse(query);
    } catch (InvalidStoreArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    exchange.json(
        200,
        Map.of(
            "items",
            page.items().stream().map(JobJson::json).toList(),
            "nextCursor",
            page.nextCursor() == null ? "" : page.nextCursor()));
  }

  private void feedback(Exchange exchange) throws Exception {
    String group = Params.group("group", exchange.query("group", FEEDBACK_FILTERS));
    if (group == null) {
      exchange.json(200, Map.of("counts", store.feedback().countByGroup()));
      return;
    }
    int limit = Params.limit(exchange.query("limit", FEEDBACK_FILTERS), 50, 1_000);
    Page<Feedback> page;
    try {
      page =
          store
              .feedback()
              .fetch(group, Params.cursor(exchange.query("cursor", FEEDBACK_FILTERS)), limit);
    } catch (InvalidStoreArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    List<Map<String, Object>> items =
        page.items().stream()
            .map(
                f -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("id", f.id());
                  json.put("jobClientNodeGroup", f.jobClientNodeGroup());
                  json.put("createdTime", f.createdTime());
                  json.put("jobId", f.result().getJobId());
                  json.put("result", f.result());
                  return json;
                })
            .toList();
    exchange.json(
        200,
        Map.of("items", items, "nextCursor", page.nextCursor() == null ? "" : page.nextCursor()));
  }
}
