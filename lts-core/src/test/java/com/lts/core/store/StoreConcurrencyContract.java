package com.lts.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Job;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Races between claimers and schedulers, and paging through many rows. */
public abstract class StoreConcurrencyContract extends StoreContractBase {

  /** Jobs the claim race runs over. */
  protected int claimRaceJobs() {
    return 10_000;
  }

  /** Submit batches (of 50 jobs) in the race of submits that claim. */
  protected int submitAndClaimBatches() {
    return 40;
  }

  /** Rows the pagination test inserts. */
  protected int paginationRows() {
    return 100_000;
  }

  @Test
  void fourThreadsOnTwoStoresClaimEveryJobExactlyOnce() throws Exception {
    int total = claimRaceJobs();
    for (int from = 0; from < total; from += StoreArguments.MAX_SUBMIT_BATCH) {
      jobs()
          .submit(
              jobs("race-" + from + "-", Math.min(StoreArguments.MAX_SUBMIT_BATCH, total - from)));
    }
    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    AtomicInteger largestBatch = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (Store second = fixture().open(clock())) {
      List<Callable<Integer>> claimers = new ArrayList<>();
      CountDownLatch start = new CountDownLatch(1);
      for (int t = 0; t < 8; t++) {
        JobStore store = (t % 2 == 0 ? store() : second).jobs();
        String worker = "TT_" + t;
        claimers.add(
            () -> {
              start.await();
              int rounds = 0;
              // Bounded: even one claimer alone needs total / 25 rounds.
              while (claimed.size() < total && rounds++ < total) {
                List<StoredJob> batch = store.claim(GROUP, worker, 25, LEASE);
                largestBatch.accumulateAndGet(batch.size(), Math::max);
                batch.forEach(j -> claimed.add(j.jobId()));
                if (batch.isEmpty() && store.countByGroup(JobQueue.EXECUTABLE).isEmpty()) {
                  break;
                }
              }
              return rounds;
            });
      }
      List<Future<Integer>> futures = new ArrayList<>();
      for (Callable<Integer> claimer : claimers) {
        futures.add(pool.submit(claimer));
      }
      start.countDown();
      for (Future<Integer> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    Set<String> unique = new HashSet<>(claimed);
    assertThat(largestBatch.get())
        .as("a claim never takes more than it was asked for")
        .isLessThanOrEqualTo(25);
    assertThat(claimed).hasSize(total);
    assertThat(unique).hasSize(total);
    assertThat(jobs().countByGroup(JobQueue.EXECUTING)).containsEntry(GROUP, (long) total);
  }

  /**
   * Submits that claim their jobs for a TaskTracker race claimers and completions of the same group
   * on two stores: every job is claimed exactly once, by its submit or by a claim, and each claimed
   * run completes.
   */
  @Test
  void submitsThatClaimRaceClaimersAndEveryJobIsClaimedOnce() throws Exception {
    int batches = submitAndClaimBatches();
    int perBatch = 50;
    int total = batches * perBatch;
    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    AtomicInteger submitted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Store second = fixture().open(clock())) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        JobStore store = (t == 0 ? store() : second).jobs();
        int submitter = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int b = submitter; b < batches; b += 2) {
                    ClaimingSubmit outcome =
                        store.submitAndClaim(
                            jobs("fused-" + b + "-", perBatch),
                            GROUP,
                            "TT_s" + submitter,
                            10,
                            LEASE);
                    submitted.addAndGet(outcome.results().size());
                    outcome.claimed().forEach(j -> claimed.add(j.jobId()));
                    store.complete(outcome.claimed().stream().map(StoredJob::attemptRef).toList());
                  }
                  return null;
                }));
      }
      for (int t = 0; t < 2; t++) {
        JobStore store = (t == 0 ? second : store()).jobs();
        String worker = "TT_c" + t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  // Bounded: one claimer alone needs total / 25 rounds once all are submitted.
                  for (int round = 0; round < 4 * total && claimed.size() < total; round++) {
                    List<StoredJob> batch = store.claim(GROUP, worker, 25, LEASE);
                    batch.forEach(j -> claimed.add(j.jobId()));
                    if (!batch.isEmpty()) {
                      store.complete(batch.stream().map(StoredJob::attemptRef).toList());
                    } else if (submitted.get() == total
                        && store.countByGroup(JobQueue.EXECUTABLE).isEmpty()) {
                      break;
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    // What the claimers left (they stop once the queue looks empty) is claimed here; a claim that
    // finds nothing after where claims read on starts again from the head.
    for (int empty = 0, round = 0; empty < 2 && round < total; round++) {
      List<StoredJob> rest = jobs().claim(GROUP, WORKER, 100, LEASE);
      rest.forEach(j -> claimed.add(j.jobId()));
      empty = rest.isEmpty() ? empty + 1 : 0;
    }
    assertThat(claimed).hasSize(total);
    assertThat(new HashSet<>(claimed)).hasSize(total);
  }

  /**
   * Lease renewals (from a TaskTracker and from its unreported results) and completions cover
   * overlapping runs and list them in any order: two renewers going through the same runs in
   * opposite orders while a third thread completes them must neither deadlock (a failed batch) nor
   * lose a completion.
   */
  @Test
  void renewalsAndCompletionsOfOverlappingRunsInOppositeOrdersAllSucceed() throws Exception {
    int total = 400;
    jobs().submit(jobs("overlap-", total));
    List<AttemptRef> runs = new ArrayList<>();
    for (int round = 0; round < total && runs.size() < total; round++) {
      jobs().claim(GROUP, "TT_overlap", 100, LEASE).forEach(j -> runs.add(j.attemptRef()));
    }
    assertThat(runs).hasSize(total);
    List<AttemptRef> reversed = new ArrayList<>(runs);
    Collections.reverse(reversed);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> renewers = new ArrayList<>();
      for (List<AttemptRef> order : List.of(runs, reversed)) {
        renewers.add(
            pool.submit(
                () -> {
                  start.await();
                  int renewed = 0;
                  for (int i = 0; i < 30; i++) {
                    renewed += jobs().renewLeases(order, LEASE).accepted().size();
                  }
                  return renewed;
                }));
      }
      Future<Integer> completer =
          pool.submit(
              () -> {
                start.await();
                int finished = 0;
                for (int from = 0; from < total; from += 20) {
                  List<Completion> batch = new ArrayList<>();
                  runs.subList(from, from + 20).forEach(run -> batch.add(Completion.of(run)));
                  finished += jobs().finish(batch).accepted().size();
                }
                return finished;
              });
      start.countDown();
      for (Future<Integer> renewer : renewers) {
        assertThat(renewer.get(2, TimeUnit.MINUTES)).isBetween(0, 30 * total);
      }
      assertThat(completer.get(2, TimeUnit.MINUTES)).isEqualTo(total);
    } finally {
      pool.shutdownNow();
    }
    assertThat(jobs().countByGroup(JobQueue.EXECUTING)).doesNotContainKey(GROUP);
  }

  @Test
  void concurrentCreatesOfOneInstanceMakeOneInstance() throws Exception {
    String scheduleId = submitOne(cron("racy"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Store second = fixture().open(clock())) {
      for (int round = 1; round <= 20; round++) {
        long triggerTime = T0 + round * 60_000L;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<InstanceResult>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          JobStore store = (t % 2 == 0 ? store() : second).jobs();
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.createInstance(scheduleId, triggerTime);
                  }));
        }
        start.countDown();
        int created = 0;
        for (Future<InstanceResult> r : results) {
          if (r.get(1, TimeUnit.MINUTES).status() == InstanceResult.Status.CREATED) {
            created++;
          }
        }
        assertThat(created).as("round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE)).containsEntry(GROUP, 20L);
    assertThat(jobs().find(scheduleId).orElseThrow().repeatedCount()).isEqualTo(20);
  }

  @Test
  void concurrentBatchCreatesMakeEachInstanceOnce() throws Exception {
    List<String> schedules = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      schedules.add(submitOne(cron("racy-batch-" + i)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Store second = fixture().open(clock())) {
      for (int round = 1; round <= 10; round++) {
        long triggerTime = T0 + round * 60_000L;
        List<InstanceRequest> forward =
            schedules.stream().map(id -> new InstanceRequest(id, triggerTime)).toList();
        List<InstanceRequest> backward = new ArrayList<>(forward);
        Collections.reverse(backward);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<InstanceResult>>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          JobStore store = (t % 2 == 0 ? store() : second).jobs();
          List<InstanceRequest> requests = t < 2 ? forward : backward;
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.createInstances(requests);
                  }));
        }
        start.countDown();
        int created = 0;
        for (Future<List<InstanceResult>> r : results) {
          for (InstanceResult result : r.get(1, TimeUnit.MINUTES)) {
            assertThat(result.status()).isNotEqualTo(InstanceResult.Status.NO_SCHEDULE);
            if (result.status() == InstanceResult.Status.CREATED) {
              created++;
            }
          }
        }
        assertThat(created).as("round %d", round).isEqualTo(schedules.size());
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(jobs().countByGroup(JobQueue.EXECUTABLE)).containsEntry(GROUP, 100L);
    for (String id : schedules) {
      assertThat(jobs().find(id).orElseThrow().repeatedCount()).isEqualTo(10);
    }
  }

  @Test
  void keysetPaginationReturnsEveryRowOnce() {
    int rows = paginationRows();
    for (int from = 0; from < rows; from += StoreArguments.MAX_SUBMIT_BATCH) {
      List<Job> batch =
          jobs("page-" + from + "-", Math.min(StoreArguments.MAX_SUBMIT_BATCH, rows - from));
      jobs().submit(batch);
    }
    Set<String> seen = new HashSet<>();
    int pages = 0;
    String cursor = null;
    do {
      Page<StoredJob> page = jobs().browse(QueueQuery.of(JobQueue.EXECUTABLE, 2_000).after(cursor));
      for (StoredJob job : page.items()) {
        assertThat(seen.add(job.jobId())).as("row %s seen twice", job.jobId()).isTrue();
      }
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null && pages <= rows);
    assertThat(seen).hasSize(rows);
  }
}
