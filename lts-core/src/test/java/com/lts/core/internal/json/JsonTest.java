package com.lts.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobResult;
import com.lts.core.domain.MisfirePolicy;
import com.lts.core.domain.Result;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void jobRoundTripsWithEveryField() {
    Job job = new Job();
    job.setTaskId("t-1");
    job.setTaskTrackerNodeGroup("trade");
    job.setSubmitNodeGroup("web");
    job.setParam("shopId", "11111");
    job.setParam("note", "quotes \" and\nnewlines, unicode \u4efb\u52a1");
    job.setPriority(5);
    job.setCronExpression("0 0/1 * * * ?");
    job.setMaxRetryTimes(3);
    job.setNeedFeedback(true);
    job.setReplaceOnExist(true);
    job.setRelyOnPrevCycle(false);
    job.setMisfirePolicy(MisfirePolicy.SKIP);

    Job copy = Json.fromBytes(Json.toBytes(job), Job.class);

    assertThat(copy).isEqualTo(job);
    assertThat(copy.getMisfirePolicy()).isEqualTo(MisfirePolicy.SKIP);
    assertThat(copy.getParam("note")).isEqualTo(job.getParam("note"));
  }

  @Test
  void derivedPropertiesAreNotWritten() {
    Job job = new Job();
    job.setTaskId("t");
    job.setTaskTrackerNodeGroup("g");
    assertThat(Json.toJson(job)).doesNotContain("jobType").doesNotContain("cron\"");
  }

  @Test
  void aJobWithoutAMisfirePolicyReadsAsFireOnceNow() {
    Job job = Json.fromJson("{\"taskId\":\"t\",\"taskTrackerNodeGroup\":\"g\"}", Job.class);
    assertThat(job.getMisfirePolicy()).isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
  }

  @Test
  void datesAreEpochMillis() {
    Job job = new Job();
    job.setTriggerTime(new Date(1_700_000_000_123L));
    assertThat(Json.toJson(job)).contains("\"triggerTime\":1700000000123");

    Holder holder = new Holder();
    holder.when = new Date(1_700_000_000_123L);
    assertThat(Json.toJson(holder)).isEqualTo("{\"when\":1700000000123}");
    assertThat(Json.fromJson("{\"when\":1700000000123}", Holder.class).when.getTime())
        .isEqualTo(1_700_000_000_123L);
  }

  @Test
  void immutableValueClassesRoundTrip() {
    Result result = new Result(Action.EXECUTE_LATER, "busy");
    assertThat(Json.fromBytes(Json.toBytes(result), Result.class)).isEqualTo(result);

    JobResult jobResult = new JobResult(new Job(), Action.EXECUTE_FAILED, "boom", 42L);
    JobResult copy = Json.fromBytes(Json.toBytes(jobResult), JobResult.class);
    assertThat(copy.getAction()).isEqualTo(Action.EXECUTE_FAILED);
    assertThat(copy.isSuccess()).isFalse();
    assertThat(copy.getTime()).isEqualTo(42L);
  }

  @Test
  void aTypeNameInTheInputIsNeverInstantiated() {
    String hostile = "{\"@type\":\"java.lang.Thread\",\"taskId\":\"t\"}";
    Job job = Json.fromJson(hostile, Job.class);
    assertThat(job.getTaskId()).isEqualTo("t");

    Wrapper wrapper =
        Json.fromJson(
            "{\"value\":{\"@type\":\"java.net.URL\",\"val\":\"http://x\"}}", Wrapper.class);
    assertThat(wrapper.value).isNotInstanceOf(java.net.URL.class);
  }

  @Test
  void malformedInputFailsWithTheTargetTypeInTheMessage() {
    byte[] garbage = "{\"taskId\": [1,2".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Json.fromBytes(garbage, Job.class))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("as Job");
    assertThatThrownBy(() -> Json.fromJson("{\"priority\":\"high\"}", Job.class))
        .isInstanceOf(JsonException.class);
  }

  static class Holder {
    Date when;
  }

  static class Wrapper {
    Object value;
  }
}
