package com.lts.jobclient.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.domain.Job;
import com.lts.core.domain.JobRefusal;
import com.lts.core.domain.Response;
import com.lts.core.domain.ResponseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchSenderTest {

  private static List<Job> jobs(int n) {
    List<Job> jobs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Job job = new Job();
      job.setTaskId("t" + i);
      job.setTaskTrackerNodeGroup("g");
      jobs.add(job);
    }
    return jobs;
  }

  @Test
  void everyJobIsSentOnceInBatchesOfTheSize() {
    Set<String> sent = ConcurrentHashMap.newKeySet();
    AtomicInteger requests = new AtomicInteger();
    try (BatchSender sender =
        new BatchSender(
            "test",
            10,
            4,
            batch -> {
              requests.incrementAndGet();
              assertThat(batch).hasSizeLessThanOrEqualTo(10);
              batch.forEach(j -> assertThat(sent.add(j.getTaskId())).isTrue());
              return Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, "ok");
            })) {
      Response response = sender.send(jobs(95));
      assertThat(response.isSuccess()).isTrue();
      assertThat(response.getMsg()).isEqualTo("95 jobs received");
    }
    assertThat(sent).hasSize(95);
    assertThat(requests).hasValue(10);
  }

  @Test
  void batchesAreInFlightTogether() throws Exception {
    CountDownLatch fourInFlight = new CountDownLatch(4);
    try (BatchSender sender =
        new BatchSender(
            "test",
            10,
            4,
            batch -> {
              fourInFlight.countDown();
              try {
                // Only returns once four batches were sent at the same time.
                assertThat(fourInFlight.await(10, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, "ok");
            })) {
      assertThat(sender.send(jobs(40)).isSuccess()).isTrue();
    }
  }

  @Test
  void aRefusedBatchReturnsExactlyTheJobsNotTaken() {
    Set<String> taken = ConcurrentHashMap.newKeySet();
    try (BatchSender sender =
        new BatchSender(
            "test",
            10,
            2,
            batch -> {
              if (batch.get(0).getTaskId().equals("t30")) {
                return Response.failure(ResponseCode.SYSTEM_ERROR, "store down", List.of());
              }
              batch.forEach(j -> taken.add(j.getTaskId()));
              return Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, "ok");
            })) {
      Response response = sender.send(jobs(100));
      assertThat(response.isSuccess()).isFalse();
      assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
      assertThat(response.getMsg()).startsWith("store down (").contains("of the 100 jobs");
      List<String> failed = response.getFailedJobs().stream().map(Job::getTaskId).toList();
      assertThat(failed).contains("t30", "t39").doesNotHaveDuplicates();
      assertThat(failed).doesNotContainAnyElementsOf(taken);
      assertThat(failed.size() + taken.size()).isEqualTo(100);
    }
  }

  @Test
  void aSingleRefusedBatchListsItsJobs() {
    try (BatchSender sender =
        new BatchSender(
            "test",
            10,
            2,
            batch -> Response.failure(ResponseCode.SYSTEM_ERROR, "down", List.of()))) {
      Response response = sender.send(jobs(5));
      assertThat(response.getFailedJobs()).hasSize(5);
    }
  }

  @Test
  void batchesAreSplitByBytesAsWellAsByCount() {
    List<Job> jobs = jobs(10);
    // sizes 100 (+1 separator each): at most 3 jobs fit in 310 bytes
    List<List<Job>> batches = BatchSender.split(jobs, job -> 100, 1_000, 310);
    assertThat(batches).extracting(List::size).containsExactly(3, 3, 3, 1);
    assertThat(batches.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(jobs);
    assertThat(BatchSender.split(jobs, job -> 100, 4, Long.MAX_VALUE))
        .extracting(List::size)
        .containsExactly(4, 4, 2);
  }

  @Test
  void aJobLargerThanTheByteLimitGoesAlone() {
    List<Job> jobs = jobs(4);
    List<List<Job>> batches =
        BatchSender.split(jobs, job -> job.getTaskId().equals("t1") ? 5_000 : 10, 1_000, 100);
    assertThat(batches).extracting(List::size).containsExactly(1, 1, 2);
    assertThat(batches.get(1)).extracting(Job::getTaskId).containsExactly("t1");
  }

  @Test
  void aSenderSendsNoBatchOverTheByteLimit() {
    List<Integer> batchBytes = new CopyOnWriteArrayList<>();
    try (BatchSender sender =
        new BatchSender(
            "test",
            1_000,
            1_000,
            job -> 99,
            2,
            batch -> {
              batchBytes.add(batch.size() * 100);
              return Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, "ok");
            })) {
      assertThat(sender.send(jobs(95)).isSuccess()).isTrue();
    }
    assertThat(batchBytes).hasSize(10).allSatisfy(b -> assertThat(b).isLessThanOrEqualTo(1_000));
  }

  @Test
  void jobsRefusedOneByOneDoNotStopTheOtherBatches() {
    Set<String> taken = ConcurrentHashMap.newKeySet();
    try (BatchSender sender =
        new BatchSender(
            "test",
            10,
            1,
            batch -> {
              Job bad = batch.get(0);
              batch.stream().skip(1).forEach(j -> taken.add(j.getTaskId()));
              Response response =
                  Response.failure(
                      ResponseCode.REQUEST_FIELD_CHECK_ERROR, "1 invalid", List.of(bad));
              response.setRefusals(
                  List.of(
                      new JobRefusal(bad.getTaskId(), bad.getTaskTrackerNodeGroup(), "invalid")));
              return response;
            })) {
      Response response = sender.send(jobs(30));
      assertThat(response.isSuccess()).isFalse();
      assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_FIELD_CHECK_ERROR);
      assertThat(response.getFailedJobs())
          .extracting(Job::getTaskId)
          .containsExactly("t0", "t10", "t20");
      assertThat(response.getRefusals()).hasSize(3);
      assertThat(BatchSender.notTaken(response)).isEmpty();
      assertThat(taken).hasSize(27);
    }
  }
}
