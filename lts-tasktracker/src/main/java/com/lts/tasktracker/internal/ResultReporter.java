package com.lts.tasktracker.internal;

import com.lts.core.LtsException;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.JobRunResult;
import com.lts.core.failstore.internal.FailStoreResender;
import com.lts.core.internal.background.Background;
import com.lts.core.internal.batch.Batcher;
import com.lts.core.internal.json.Json;
import com.lts.core.node.internal.JobTrackerConnections;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobCompletedRequest;
import com.lts.remoting.internal.command.JobCompletedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports run results to a JobTracker in batches, asking in the same call for as many new jobs as
 * threads are free. A batch no JobTracker takes is retried with back-off until one does or the
 * TaskTracker stops (a result never reported is not lost: its job's lease ends and it runs again).
 * Until a JobTracker answers, the result's lease is renewed with those of the running jobs.
 */
final class ResultReporter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ResultReporter.class);
  private static final long MAX_BACKOFF_MILLIS = 5_000;
  private static final String TASK = "Result report";

  private final JobTrackerConnections jobTrackers;
  private final IntSupplier availableThreads;
  private final Consumer<List<JobMeta>> nextJobs;
  private final Batcher<JobRunResult> batcher;
  private final FailStoreResender<JobRunResult> failStore;
  private final Background background;
  private final UnreportedResults unreported;

  ResultReporter(
      String identity,
      JobTrackerConnections jobTrackers,
      UnreportedResults unreported,
      IntSupplier availableThreads,
      Consumer<List<JobMeta>> nextJobs,
      FailStoreResender<JobRunResult> failStore,
      Background background) {
    this.background = background;
    this.unreported = unreported;
    this.failStore = failStore;
    this.jobTrackers = jobTrackers;
    this.availableThreads = availableThreads;
    this.nextJobs = nextJobs;
    this.batcher = new Batcher<>("lts-results-" + identity, 500, 100_000, this::report);
  }

  void offer(JobRunResult result) {
    if (!batcher.offer(result)) {
      unreported.forget(List.of(result.getJobMeta()));
      log.error(
          "Result of {} could not be queued for reporting; the job runs again when its lease ends",
          result.getJobMeta());
    }
  }

  private void report(List<JobRunResult> batch) {
    long backoff = 50;
    while (true) {
      try {
        JobCompletedResponse response =
            jobTrackers.invoke(
                Command.JOB_COMPLETED,
                new JobCompletedRequest(List.copyOf(batch), availableThreads.getAsInt()));
        unreported.reported(batch);
        handle(response);
        background.succeeded(TASK);
        return;
      } catch (RuntimeException e) {
        if (failStore != null && keep(batch, e)) {
          return;
        }
        // close() waits a while for pending results, then interrupts this thread.
        if (Thread.currentThread().isInterrupted()) {
          log.warn(
              "Stopping with {} results not reported ({}); their jobs run again when their leases"
                  + " end",
              batch.size(),
              e.toString());
          return;
        }
        background.failed(
            TASK,
            new LtsException(
                "Reporting " + batch.size() + " results failed, retrying in " + backoff + " ms",
                e));
        sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
  }

  /** Keeps a batch no JobTracker took in the FailStore, to be re-sent; whether that worked. */
  private boolean keep(List<JobRunResult> batch, RuntimeException cause) {
    List<byte[]> values = new ArrayList<>(batch.size());
    batch.forEach(result -> values.add(Json.toBytes(result)));
    try {
      failStore.putAll(values);
      background.failed(
          TASK,
          new LtsException(
              batch.size()
                  + " results could not be reported; kept in the FailStore and re-sent when a"
                  + " JobTracker is back",
              cause));
      return true;
    } catch (RuntimeException e) {
      background.failed(
          "Keeping results in the FailStore",
          new LtsException(batch.size() + " results could not be kept in the FailStore", e));
      return false;
    }
  }

  private void handle(JobCompletedResponse response) {
    if (response.getRefusedResults() != null && !response.getRefusedResults().isEmpty()) {
      log.warn(
          "{} results were refused: their attempts are no longer current (the jobs were handed to"
              + " another run)",
          response.getRefusedResults().size());
    }
    if (response.getNextJobs() != null && !response.getNextJobs().isEmpty()) {
      nextJobs.accept(response.getNextJobs());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    batcher.close(10_000);
  }
}
