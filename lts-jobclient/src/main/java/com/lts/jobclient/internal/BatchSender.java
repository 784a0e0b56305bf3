package com.lts.jobclient.internal;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobRefusal;
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
import java.util.function.ToIntFunction;

/**
 * Sends a large submit as batches of at most {@code batchSize} jobs and {@code batchBytes} of
 * encoded jobs (a job larger than that goes alone), up to {@code parallel} of them in flight at
 * once, so the JobTrackers store several batches at the same time instead of waiting on one round
 * trip and one commit after another. The answer is one {@link Response}: success when every job was
 * taken; otherwise a failure whose failed jobs are exactly those not taken, whose refusals are the
 * jobs refused for good (see {@link Response#getRefusals()}), and whose code is that of the first
 * batch not taken (or {@code REQUEST_FIELD_CHECK_ERROR} when jobs were only refused). Once a batch
 * was not taken, batches not yet sent are not sent; refused jobs do not stop the others.
 */
final class BatchSender implements AutoCloseable {

  private final int batchSize;
  private final long batchBytes;
  private final ToIntFunction<Job> sizeOf;
  private final Function<List<Job>, Response> send;
  private final ExecutorService executor;

  /** Batches by count only. */
  BatchSender(String name, int batchSize, int parallel, Function<List<Job>, Response> send) {
    this(name, batchSize, Long.MAX_VALUE, job -> 0, parallel, send);
  }

  /**
   * @param sizeOf a job's encoded size in bytes
   * @param send sends one batch; a failure without failed jobs means the whole batch
   */
  BatchSender(
      String name,
      int batchSize,
      long batchBytes,
      ToIntFunction<Job> sizeOf,
      int parallel,
      Function<List<Job>, Response> send) {
    this.batchSize = batchSize;
    this.batchBytes = batchBytes;
    this.sizeOf = sizeOf;
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

  /**
   * Splits {@code jobs}, in order, into batches of at most {@code maxJobs} jobs whose sizes (plus
   * one byte each, the separator) add up to at most {@code maxBytes}; a job larger than that alone.
   */
  static List<List<Job>> split(
      List<Job> jobs, ToIntFunction<Job> sizeOf, int maxJobs, long maxBytes) {
    List<List<Job>> batches = new ArrayList<>();
    int from = 0;
    long bytes = 0;
    for (int i = 0; i < jobs.size(); i++) {
      long size = sizeOf.applyAsInt(jobs.get(i)) + 1L;
      if (i > from && (i - from == maxJobs || bytes + size > maxBytes)) {
        batches.add(jobs.subList(from, i));
        from = i;
        bytes = 0;
      }
      bytes += size;
    }
    if (from < jobs.size()) {
      batches.add(jobs.subList(from, jobs.size()));
    }
    return batches;
  }

  Response send(List<Job> jobs) {
    List<List<Job>> batches = split(jobs, sizeOf, batchSize, batchBytes);
    if (batches.size() == 1) {
      return notTakenNamed(jobs, send.apply(jobs));
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
                Response response = notTakenNamed(batch, send.apply(batch));
                if (!notTaken(response).isEmpty()) {
                  failed.set(true);
                }
                return response;
              },
              executor));
    }
    return combine(jobs.size(), batches, answers);
  }

  /** {@code response} with its failed jobs listed: a failure without any means the whole batch. */
  private static Response notTakenNamed(List<Job> batch, Response response) {
    return response.isSuccess() || !response.getFailedJobs().isEmpty()
        ? response
        : withRefusals(
            Response.failure(response.getCode(), response.getMsg(), batch), response.getRefusals());
  }

  /** The failed jobs of {@code response} that were not refused for good: worth sending again. */
  static List<Job> notTaken(Response response) {
    List<Job> notTaken = new ArrayList<>();
    for (Job job : response.getFailedJobs()) {
      if (response.getRefusals().stream().noneMatch(r -> r.isAbout(job))) {
        notTaken.add(job);
      }
    }
    return notTaken;
  }

  private static Response withRefusals(Response response, List<JobRefusal> refusals) {
    response.setRefusals(refusals);
    return response;
  }

  private static Response combine(
      int total, List<List<Job>> batches, List<CompletableFuture<Response>> answers) {
    List<Job> failedJobs = new ArrayList<>();
    List<JobRefusal> refusals = new ArrayList<>();
    Response firstNotTaken = null;
    Response firstRefusal = null;
    List<String> warnings = new ArrayList<>();
    int taken = 0;
    for (int i = 0; i < batches.size(); i++) {
      Response response = answers.get(i).join();
      if (response == null) {
        failedJobs.addAll(batches.get(i));
        continue;
      }
      response.getWarnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
      if (response.isSuccess()) {
        taken += batches.get(i).size();
        continue;
      }
      taken += batches.get(i).size() - response.getFailedJobs().size();
      failedJobs.addAll(response.getFailedJobs());
      refusals.addAll(response.getRefusals());
      if (firstNotTaken == null && !notTaken(response).isEmpty()) {
        firstNotTaken = response;
      } else if (firstRefusal == null) {
        firstRefusal = response;
      }
    }
    Response answer;
    if (failedJobs.isEmpty()) {
      answer = Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, total + " jobs received");
    } else {
      Response first = firstNotTaken != null ? firstNotTaken : firstRefusal;
      String done = taken == 0 ? "" : " (" + taken + " of the " + total + " jobs were accepted)";
      answer =
          withRefusals(
              Response.failure(first.getCode(), first.getMsg() + done, failedJobs), refusals);
    }
    answer.setWarnings(warnings);
    return answer;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
