package com.lts.jobclient.internal;

import com.lts.core.domain.Job;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Sends a large submit as batches, up to {@code parallel} of them in flight at once, so the
 * JobTrackers store several batches at the same time instead of waiting on one round trip and one
 * commit after another. The answer is one {@link Response}: success when every batch was taken;
 * otherwise a failure whose failed jobs are exactly those of the batches that were refused or not
 * sent (once one batch fails, batches not yet sent are not sent).
 */
final class BatchSender implements AutoCloseable {

  private final int batchSize;
  private final Function<List<Job>, Response> send;
  private final ExecutorService executor;

  BatchSender(String name, int batchSize, int parallel, Function<List<Job>, Response> send) {
    this.batchSize = batchSize;
    this.send = send;
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            parallel,
            parallel,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, name + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    this.executor = pool;
  }

  Response send(List<Job> jobs) {
    if (jobs.size() <= batchSize) {
      Response response = send.apply(jobs);
      return response.isSuccess() || !response.getFailedJobs().isEmpty()
          ? response
          : Response.failure(response.getCode(), response.getMsg(), jobs);
    }
    List<List<Job>> batches = new ArrayList<>();
    for (int from = 0; from < jobs.size(); from += batchSize) {
      batches.add(jobs.subList(from, Math.min(jobs.size(), from + batchSize)));
    }
    AtomicBoolean failed = new AtomicBoolean();
    List<CompletableFuture<Response>> answers = new ArrayList<>(batches.size());
    for (List<Job> batch : batches) {
      answers.add(
          CompletableFuture.supplyAsync(
              () -> {
                if (failed.get()) {
                  return null; // not sent
                }
                Response response = send.apply(batch);
                if (!response.isSuccess()) {
                  failed.set(true);
                }
                return response;
              },
              executor));
    }
    return combine(jobs.size(), batches, answers);
  }

  private static Response combine(
      int total, List<List<Job>> batches, List<CompletableFuture<Response>> answers) {
    List<Job> notTaken = new ArrayList<>();
    Response firstFailure = null;
    int taken = 0;
    for (int i = 0; i < batches.size(); i++) {
      Response response = answers.get(i).join();
      if (response != null && response.isSuccess()) {
        taken += batches.get(i).size();
        continue;
      }
      if (response != null && firstFailure == null) {
        firstFailure = response;
      }
      notTaken.addAll(
          response == null || response.getFailedJobs().isEmpty()
              ? batches.get(i)
              : response.getFailedJobs());
    }
    if (firstFailure == null) {
      return Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, total + " jobs received");
    }
    String done = taken == 0 ? "" : " (" + taken + " of the " + total + " jobs were accepted)";
    return Response.failure(firstFailure.getCode(), firstFailure.getMsg() + done, notTaken);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
