package com.lts.admin.api;

import com.alibaba.fastjson2.JSONObject;
import com.lts.admin.web.Access;
import com.lts.admin.web.AdminHandler;
import com.lts.admin.web.ApiException;
import com.lts.admin.web.Exchange;
import com.lts.admin.web.Route;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobRef;
import com.lts.core.domain.OperationResult;
import com.lts.core.domain.Response;
import com.lts.core.store.DeadJob;
import com.lts.core.store.InvalidStoreArgumentException;
import com.lts.core.store.JobLogEntry;
import com.lts.core.store.JobLogQuery;
import com.lts.core.store.JobLogType;
import com.lts.core.store.Page;
import com.lts.core.store.Store;
import com.lts.core.store.StoredJob;
import com.lts.jobclient.JobClient;
import com.lts.jobclient.operations.JobOperations;
import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A job's detail and log (with a live tail), and every change to jobs. Changes go through a
 * JobTracker ({@link JobClient#submitJob}, {@link JobOperations}); Admin never writes jobs itself.
 */
final class JobApi {

  private static final Set<String> LOG_PARAMS = Set.of("cursor", "limit");
  private static final long TAIL_POLL_MILLIS = 300;
  private static final long KEEP_ALIVE_MILLIS = 5_000;

  private final Store store;
  private final JobClient client;
  private final BooleanSupplier running;

  JobApi(Store store, JobClient client, BooleanSupplier running) {
    this.store = store;
    this.client = client;
    this.running = running;
  }

  void register(AdminHandler handler) {
    handler.add("GET", "/api/jobs/{jobId}", Access.VIEW, this::detail);
    handler.add("GET", "/api/jobs/{jobId}/logs", Access.VIEW, this::logs);
    handler.add("GET", "/api/jobs/{jobId}/logs/stream", Access.VIEW, this::tail);
    handler.add("POST", "/api/jobs", Access.CHANGE, this::add);
    handler.add("PUT", "/api/jobs/{jobId}", Access.CHANGE, this::update);
    handler.add("DELETE", "/api/jobs/{jobId}", Access.CHANGE, operation(JobOperations::delete));
    handler.add(
        "POST", "/api/jobs/{jobId}/suspend", Access.CHANGE, operation(JobOperations::suspend));
    handler.add(
        "POST", "/api/jobs/{jobId}/resume", Access.CHANGE, operation(JobOperations::resume));
    handler.add(
        "POST", "/api/jobs/{jobId}/trigger", Access.CHANGE, operation(JobOperations::triggerNow));
    handler.add(
        "POST", "/api/jobs/{jobId}/terminate", Access.CHANGE, operation(JobOperations::terminate));
  }

  private StoredJob find(Exchange exchange) {
    String jobId = Params.jobId(exchange.path("jobId"));
    try {
      return store
          .jobs()
          .find(jobId)
          .orElseThrow(() -> ApiException.notFound("No job " + jobId + " (it may have finished)"));
    } catch (InvalidStoreArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private void detail(Exchange exchange) throws IOException {
    exchange.json(200, JobJson.json(find(exchange)));
  }

  /** A page of the log, oldest first; the job may be gone (finished) and its log still there. */
  private void logs(Exchange exchange) throws IOException {
    String jobId = Params.jobId(exchange.path("jobId"));
    int limit = Params.limit(exchange.query("limit", LOG_PARAMS), 500, 5_000);
    Page<JobLogEntry> page =
        logPage(jobId, Params.cursor(exchange.query("cursor", LOG_PARAMS)), limit);
    exchange.json(
        200,
        Map.of(
            "items", page.items().stream().map(JobJson::json).toList(),
            "nextCursor", page.nextCursor() == null ? "" : page.nextCursor(),
            "lastCursor", lastCursor(page, exchange.query("cursor", LOG_PARAMS))));
  }

  /**
   * Server-sent events: every log line after {@code cursor} as it is written, until the client goes
   * away. The store is asked every {@value #TAIL_POLL_MILLIS} ms (log lines arrive in batches from
   * the TaskTrackers anyway).
   */
  private void tail(Exchange exchange) throws Exception {
    String jobId = Params.jobId(exchange.path("jobId"));
    String cursor = Params.cursor(exchange.query("cursor", LOG_PARAMS));
    exchange.startEvents();
    long lastWrite = System.currentTimeMillis();
    while (running.getAsBoolean()) {
      Page<JobLogEntry> page = logPage(jobId, cursor, 500);
      for (JobLogEntry entry : page.items()) {
        exchange.event("line", JobJson.json(entry));
        lastWrite = System.currentTimeMillis();
      }
      cursor = lastCursor(page, cursor);
      if (page.hasNext()) {
        continue;
      }
      if (System.currentTimeMillis() - lastWrite > KEEP_ALIVE_MILLIS) {
        exchange.keepAlive(); // also finds out that the client has gone
        lastWrite = System.currentTimeMillis();
      }
      Thread.sleep(TAIL_POLL_MILLIS);
    }
  }

  private Page<JobLogEntry> logPage(String jobId, String cursor, int limit) {
    try {
      return store.jobLogs().query(JobLogQuery.forJob(jobId, limit).after(cursor));
    } catch (InvalidStoreArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** Where the next read starts: the page's cursor, else after its last line (ids are cursors). */
  private static String lastCursor(Page<JobLogEntry> page, String previous) {
    if (page.nextCursor() != null) {
      return page.nextCursor();
    }
    return page.items().isEmpty() ? previous : page.items().get(page.items().size() - 1).id();
  }

  private void add(Exchange exchange) throws IOException {
    JSONObject body = exchange.body();
    if (body.containsKey("expectedVersion")) {
      throw ApiException.badRequest("expectedVersion: only for an edit (PUT /api/jobs/{jobId})");
    }
    Job job = JobJson.job(body, client.nodeConfig().nodeGroup());
    job.setReplaceOnExist(false);
    // The JobTracker answers a duplicate as received-and-kept; the form wants to say so.
    store
        .jobs()
        .find(job.getTaskTrackerNodeGroup(), job.getTaskId())
        .ifPresent(
            existing -> {
              throw new ApiException(
                  409,
                  "A job with taskId "
                      + job.getTaskId()
                      + " exists in group "
                      + job.getTaskTrackerNodeGroup()
                      + " (job "
                      + existing.jobId()
                      + "); edit it instead");
            });
    Response response = client.submitJob(job);
    if (!response.isSuccess()) {
      String reason =
          response.getRefusals() == null || response.getRefusals().isEmpty()
              ? response.getMsg()
              : response.getRefusals().get(0).getReason();
      throw new ApiException(409, "Job " + job.getTaskId() + " was not added: " + reason);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "DONE");
    json.put("message", "Job " + job.getTaskId() + " added");
    addedJobId(job).ifPresent(jobId -> json.put("jobId", jobId));
    exchange.json(201, json);
  }

  /**
   * The id the JobTracker gave a job just added. A job due now may have run, and even ended, before
   * the answer (it is pushed at its submit when a TaskTracker is idle): then it is found among the
   * dead letters, or by its RECEIVED line in the job log.
   */
  private Optional<String> addedJobId(Job job) {
    String group = job.getTaskTrackerNodeGroup();
    String taskId = job.getTaskId();
    Optional<String> id = store.jobs().find(group, taskId).map(StoredJob::jobId);
    if (id.isEmpty()) {
      id = store.deadJobs().latest(group, taskId).map(DeadJob::jobId);
    }
    if (id.isEmpty()) {
      id =
          store.jobLogs().query(JobLogQuery.forTask(group, taskId, 100)).items().stream()
              .filter(line -> line.type() == JobLogType.RECEIVED)
              .max(Comparator.comparingLong(JobLogEntry::logTime))
              .map(JobLogEntry::jobId);
    }
    return id;
  }

  private void update(Exchange exchange) throws IOException {
    StoredJob stored = find(exchange);
    JSONObject body = exchange.body();
    Object expected = body.remove("expectedVersion");
    if (!(expected instanceof Integer || expected instanceof Long)) {
      throw ApiException.badRequest(
          "expectedVersion: the version of the job as read (GET /api/jobs/{jobId}) is required");
    }
    body.putIfAbsent("taskId", stored.taskId());
    body.putIfAbsent("taskTrackerNodeGroup", stored.taskTrackerNodeGroup());
    Job fields = JobJson.job(body, stored.job().getSubmitNodeGroup());
    answer(
        exchange,
        client
            .jobOperations()
            .update(JobRef.ofJobId(stored.jobId()), fields, ((Number) expected).longValue()));
  }

  private Route.Handler operation(Op op) {
    return exchange -> {
      String jobId = Params.jobId(exchange.path("jobId"));
      answer(exchange, op.apply(client.jobOperations(), JobRef.ofJobId(jobId)));
    };
  }

  @FunctionalInterface
  private interface Op {
    OperationResult apply(JobOperations operations, JobRef job);
  }

  static void answer(Exchange exchange, OperationResult result) throws IOException {
    int status =
        switch (result.status()) {
          case DONE -> 200;
          case NOT_FOUND -> 404;
          case REFUSED -> 409;
          case INVALID -> 400;
          case FAILED -> 503;
        };
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", result.status().name());
    json.put("message", result.message() == null ? result.status().name() : result.message());
    json.put("jobId", result.jobId());
    if (status == 200) {
      exchange.json(status, json);
    } else {
      json.put("error", json.get("message"));
      exchange.json(status, json);
    }
  }
}
