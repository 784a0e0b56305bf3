package com.lts.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JobBatchTest {

  private static Job job(String taskId) {
    Job job = new Job();
    job.setTaskId(taskId);
    job.setTaskTrackerNodeGroup("trade");
    return job;
  }

  @Test
  void aValidBatchPassesAndGetsTheSubmitGroup() {
    Job own = job("a");
    own.setSubmitNodeGroup("other");
    Job plain = job("b");
    assertThat(JobBatch.refuseInvalid(List.of(own, plain), "web", "stored")).isEmpty();
    assertThat(own.getSubmitNodeGroup()).isEqualTo("other");
    assertThat(plain.getSubmitNodeGroup()).isEqualTo("web");
  }

  @Test
  void oneInvalidJobRefusesTheBatchNamingEveryProblem() {
    Job bad = job("bad");
    bad.setCronExpression("nope");
    Job worse = job(null);
    Optional<Response> refused =
        JobBatch.refuseInvalid(List.of(job("ok"), bad, worse), null, "stored");
    assertThat(refused).isPresent();
    Response response = refused.get();
    assertThat(response.isSuccess()).isFalse();
    assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_FIELD_CHECK_ERROR);
    assertThat(response.getMsg())
        .startsWith("2 of 3 jobs are invalid, none was stored: 'bad': cronExpression:")
        .contains("job: taskId: must not be empty");
    assertThat(response.getFailedJobs()).containsExactly(bad, worse);
  }

  @Test
  void emptyOrNullInputIsRefused() {
    assertThat(JobBatch.refuseInvalid(List.of(), "web", "stored").orElseThrow().getMsg())
        .isEqualTo("No jobs in the request");
    assertThat(JobBatch.refuseInvalid(null, "web", "stored")).isPresent();
    assertThat(
            JobBatch.refuseInvalid(Arrays.asList(job("a"), null), "web", "stored")
                .orElseThrow()
                .getMsg())
        .isEqualTo("A job is null");
  }
}
