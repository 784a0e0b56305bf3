package com.lts.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a Response, a JobResult and a Job say about themselves in logs: names, not numbers. */
class ResponseTest {

  @Test
  void codesAreShownByNameWithLtsNumber() {
    Response refused = Response.failure(ResponseCode.REQUEST_FIELD_CHECK_ERROR, "bad", List.of());
    assertThat(refused.toString())
        .isEqualTo("Response{success=false, code=REQUEST_FIELD_CHECK_ERROR(13), msg='bad'}");
    assertThat(ResponseCode.describe(ResponseCode.JOB_TRACKER_NOT_FOUND))
        .isEqualTo("JOB_TRACKER_NOT_FOUND(11)");
    assertThat(ResponseCode.describe(ResponseCode.JOB_RECEIVE_SUCCESS))
        .isEqualTo("JOB_RECEIVE_SUCCESS");
  }

  @Test
  void warningsAreKeptOnceAndShown() {
    Response response = Response.success(ResponseCode.JOB_RECEIVE_SUCCESS, "2 jobs received");
    assertThat(response.getWarnings()).isEmpty();
    response.addWarnings(List.of("no TaskTracker of g"));
    response.addWarnings(List.of("no TaskTracker of g", "no TaskTracker of h"));
    assertThat(response.getWarnings())
        .containsExactly("no TaskTracker of g", "no TaskTracker of h");
    assertThat(response.toString())
        .endsWith("warnings=[no TaskTracker of g, no TaskTracker of h]}");
  }

  @Test
  void timesAreShownAsIsoInstants() {
    Job job = new Job();
    job.setTaskId("t");
    job.setTaskTrackerNodeGroup("g");
    job.setTriggerTime(1_796_491_861_548L);
    assertThat(job.toString()).contains("triggerTime=2026-12-05T17:31:01.548Z");
    JobResult result = new JobResult(job, Action.EXECUTE_SUCCESS, "ok", 1_796_491_861_548L);
    assertThat(result.toString()).contains("time=2026-12-05T17:31:01.548Z");
  }
}
