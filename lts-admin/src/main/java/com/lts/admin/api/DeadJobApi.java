package com.lts.admin.api;

import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.ApiException;
import com.lts.admin.web.Exchange;
import com.lts.core.domain.JobRef;
import com.lts.core.store.DeadJob;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.Page;
import com.lts.core.store.Store;
import com.lts.jobclient.JobClient;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Dead letters: jobs whose retries were used up. Read from the store; retried and deleted through a
 * JobTracker ({@code jobOperations().retry / delete}).
 */
final class DeadJobApi {

  private static final Set<String> FILTERS = Set.of("group", "taskId", "cursor", "limit");

  private final Store store;
  private final JobClient client;

  DeadJobApi(Store store, JobClient client) {
    this.store = store;
    this.client = client;
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/api/dead-jobs", Access.VIEW, this::browse);
    handler.add("GET", "/api/dead-jobs/{jobId}", Access.VIEW, this::detail);
    handler.add("POST", "/api/dead-jobs/{jobId}/retry", Access.CHANGE, this::retry);
    handler.add("DELETE", "/api/dead-jobs/{jobId}", Access.CHANGE, this::delete);
  }

  private void browse(Exchange exchange) throws IOException {
    Page<DeadJob> page;
    try {
      page =
          store
              .deadJobs()
              .browse(
                  Params.group("group", exchange.query("group", FILTERS)),
                  Params.taskId(exchange.query("taskId", FILTERS)),
                  Params.cursor(exchange.query("cursor", FILTERS)),
                  Params.limit(exchange.query("limit", FILTERS), 50, 1_000));
    } catch (InvalidStoreArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    exchange.json(
        200,
        Map.of(
            "items",
            page.items().stream().map(DeadJobApi::json).toList(),
            "nextCursor",
            page.nextCursor() == null ? "" : page.nextCursor()));
  }

  private DeadJob find(Exchange exchange) {
    String jobId = Params.jobId(exchange.path("jobId"));
    return store
        .deadJobs()
        .find(jobId)
        .orElseThrow(() -> ApiException.notFound("No dead letter " + jobId));
  }

  private void detail(Exchange exchange) throws IOException {
    exchange.json(200, json(find(exchange)));
  }

  private void retry(Exchange exchange) throws IOException {
    String jobId = Params.jobId(exchange.path("jobId"));
    JobApi.answer(exchange, client.jobOperations().retry(JobRef.ofJobId(jobId)));
  }

  private void delete(Exchange exchange) throws IOException {
    DeadJob dead = find(exchange); // a job id that is a live job must not be deleted from here
    JobApi.answer(exchange, client.jobOperations().delete(JobRef.ofJobId(dead.jobId())));
  }

  static Map<String, Object> json(DeadJob dead) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("jobId", dead.jobId());
    json.put("taskId", dead.taskId());
    json.put("taskTrackerNodeGroup", dead.taskTrackerNodeGroup());
    json.put("submitNodeGroup", dead.job().getSubmitNodeGroup());
    json.put("jobType", dead.job().getJobType().name());
    json.put("params", dead.job().getExtParams());
    json.put("priority", dead.job().getPriority());
    json.put("maxRetryTimes", dead.job().getMaxRetryTimes());
    json.put("needFeedback", dead.job().isNeedFeedback());
    json.put("scheduleJobId", dead.scheduleJobId());
    json.put("attempt", dead.attempt());
    json.put("retryTimes", dead.retryTimes());
    json.put("action", dead.action());
    json.put("msg", dead.msg());
    json.put("deadTime", dead.deadTime());
    return json;
  }
}
