package com.lts.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTest {

  private static Job valid() {
    Job job = new Job();
    job.setTaskId("3213213123");
    job.setTaskTrackerNodeGroup("test_trade_TaskTracker");
    return job;
  }

  @Test
  void theSeedsJobIsValidAndRealTime() {
    Job job = valid();
    job.setParam("shopId", "11111");
    job.validate();
    assertThat(job.getJobType()).isEqualTo(JobType.REAL_TIME);
    assertThat(job.getParam("shopId")).isEqualTo("11111");
    assertThat(job.getPriority()).isEqualTo(Job.DEFAULT_PRIORITY);
    assertThat(job.isRelyOnPrevCycle()).isTrue();
    assertThat(job.getMisfirePolicy()).isEqualTo(MisfirePolicy.FIRE_ONCE_NOW);
  }

  @Test
  void misfirePolicyIsCopiedComparedAndMustBeSet() {
    Job skip = valid();
    skip.setCronExpression("0 0/1 * * * ?");
    skip.setMisfirePolicy(MisfirePolicy.SKIP);

    Job copy = new Job(skip);
    assertThat(copy.getMisfirePolicy()).isEqualTo(MisfirePolicy.SKIP);
    assertThat(copy).isEqualTo(skip);
    copy.setMisfirePolicy(MisfirePolicy.FIRE_ONCE_NOW);
    assertThat(copy).isNotEqualTo(skip);
    assertThat(skip.toString()).contains("misfirePolicy=SKIP");

    skip.setMisfirePolicy(null);
    assertThat(skip.problems()).containsExactly("misfirePolicy: must not be null");
    assertThatThrownBy(skip::validate)
        .isInstanceOf(JobValidationException.class)
        .hasMessageContaining("misfirePolicy");
  }

  @Test
  void kindFollowsTheScheduleFields() {
    Job delayed = valid();
    delayed.setTriggerTime(new Date(1_000));
    assertThat(delayed.getJobType()).isEqualTo(JobType.TRIGGER_TIME);

    Job repeat = valid();
    repeat.setRepeatCount(-1);
    repeat.setRepeatInterval(1_000L);
    repeat.validate();
    assertThat(repeat.getJobType()).isEqualTo(JobType.REPEAT);

    Job cron = valid();
    cron.setCronExpression("0 0/1 * * * ?");
    cron.setTriggerTime(5_000L);
    cron.validate();
    assertThat(cron.getJobType()).isEqualTo(JobType.CRON);
  }

  @Test
  void everyInvalidFieldIsNamed() {
    Job job = new Job();
    job.setTaskTrackerNodeGroup("bad group!");
    job.setSubmitNodeGroup("");
    job.setRepeatCount(-2);
    job.setRepeatInterval(0L);
    job.setTriggerTime(-1L);
    job.setMaxRetryTimes(-1);

    assertThat(job.problems())
        .anySatisfy(p -> assertThat(p).startsWith("taskId: must not be empty"))
        .anySatisfy(p -> assertThat(p).startsWith("taskTrackerNodeGroup: 'bad group!'"))
        .anySatisfy(p -> assertThat(p).startsWith("submitNodeGroup: must not be empty"))
        .anySatisfy(p -> assertThat(p).startsWith("repeatCount: must be -1"))
        .anySatisfy(p -> assertThat(p).startsWith("repeatInterval: must be a positive"))
        .anySatisfy(p -> assertThat(p).startsWith("triggerTime:"))
        .anySatisfy(p -> assertThat(p).startsWith("maxRetryTimes:"));
    assertThatThrownBy(job::validate)
        .isInstanceOf(JobValidationException.class)
        .hasMessageStartingWith("Invalid job: taskId: must not be empty");
  }

  @Test
  void badCronSaysWhatIsWrongAndShowsAnExample() {
    Job job = valid();
    job.setCronExpression("0 0/1 * * *");
    assertThatThrownBy(job::validate)
        .isInstanceOf(JobValidationException.class)
        .hasMessageContaining("Invalid job '3213213123'")
        .hasMessageContaining("cronExpression: '0 0/1 * * *' is not a valid Quartz cron expression")
        .hasMessageContaining("example: '0 0/1 * * * ?'");
  }

  @Test
  void aCronWithoutAFutureInstantIsRefused() {
    Job job = valid();
    job.setCronExpression("0 0 0 1 1 ? 2020");
    assertThat(job.problems())
        .containsExactly("cronExpression: '0 0 0 1 1 ? 2020' has no instant in the future");
  }

  @Test
  void repeatNeedsAnIntervalAndCannotBeCombinedWithCron() {
    Job noInterval = valid();
    noInterval.setRepeatCount(3);
    assertThat(noInterval.problems())
        .containsExactly("repeatInterval: must be set when repeatCount is 3");

    Job both = valid();
    both.setCronExpression("0 0/1 * * * ?");
    both.setRepeatCount(3);
    both.setRepeatInterval(10L);
    assertThat(both.problems()).anySatisfy(p -> assertThat(p).contains("not both"));
  }

  @Test
  void oversizedOrReservedParamsAreRefused() {
    Job big = valid();
    big.setParam("payload", "x".repeat(Job.MAX_PARAMS_LENGTH));
    assertThat(big.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).startsWith("params: ").contains("more than the limit"));

    Job many = valid();
    for (int i = 0; i <= Job.MAX_PARAMS_COUNT; i++) {
      many.setParam("p" + i, "v");
    }
    assertThat(many.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("257 parameters, more than the limit of 256"));

    Job reserved = valid();
    reserved.setExtParams(Map.of("__LTS_Seq_Id", "1"));
    assertThat(reserved.problems())
        .singleElement()
        .satisfies(p -> assertThat(p).contains("reserved prefix"));
  }

  @Test
  void longTaskIdIsRefusedWithItsLength() {
    Job job = valid();
    job.setTaskId("t".repeat(65));
    assertThat(job.problems()).containsExactly("taskId: must be at most 64 characters, got 65");
  }

  @Test
  void copyIsIndependent() {
    Job job = valid();
    job.setParam("a", "1");
    Job copy = new Job(job);
    copy.setParam("a", "2");
    assertThat(job.getParam("a")).isEqualTo("1");
    assertThat(copy).isNotEqualTo(job);
    assertThatThrownBy(() -> job.getExtParams().put("b", "2"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void resultDefaultsToSuccess() {
    assertThat(new Result().getAction()).isEqualTo(Action.EXECUTE_SUCCESS);
    assertThat(new Result(null, "m").getAction()).isEqualTo(Action.EXECUTE_SUCCESS);
    assertThat(Action.EXECUTE_LATER.isRetryable()).isTrue();
    assertThat(Action.EXECUTE_EXCEPTION.isRetryable()).isTrue();
    assertThat(Action.EXECUTE_FAILED.isRetryable()).isFalse();
  }
}
