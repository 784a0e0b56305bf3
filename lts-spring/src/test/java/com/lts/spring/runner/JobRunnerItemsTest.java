package com.lts.spring.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunnerDefinitionException;
import com.lts.tasktracker.testing.JobRunnerTester;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** Finding, checking and dispatching to {@link JobRunnerItem} methods, in a plain context. */
class JobRunnerItemsTest {

  public static class Jobs {
    @JobRunnerItem("plain")
    public void plain() {}

    @JobRunnerItem("result")
    public Result result(Job job, JobContext context) {
      return new Result(Action.EXECUTE_LATER, job.getTaskId() + "/" + context.getJob().getTaskId());
    }

    @JobRunnerItem("boom")
    public void boom(Job job) {
      throw new IllegalStateException("boom " + job.getTaskId());
    }

    @JobRunnerItem(value = "other", nodeGroup = "other_group")
    public void other() {}
  }

  public static class Fallback {
    @JobRunnerItem(JobRunnerItem.DEFAULT)
    public Result any(Job job) {
      return new Result(Action.EXECUTE_SUCCESS, "default for " + job.getParam("type"));
    }
  }

  public static class WrongParameter {
    @JobRunnerItem("x")
    public void run(String text) {}
  }

  public static class SameKind {
    @JobRunnerItem("plain")
    public void again() {}
  }

  private static Map<String, JobRunnerMethod> find(String group, Class<?>... beans) {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      for (Class<?> bean : beans) {
        context.registerBean(bean);
      }
      context.refresh();
      return JobRunnerItems.find(context, group);
    }
  }

  private static Job job(String type) {
    Job job = new Job();
    job.setTaskId("t-" + type);
    job.setTaskTrackerNodeGroup("g");
    if (type != null) {
      job.setParam("type", type);
    }
    return job;
  }

  @Test
  void eachKindRunsItsMethodAndOtherGroupsMethodsAreLeftOut() {
    Map<String, JobRunnerMethod> items = find("g", Jobs.class);
    assertThat(items).containsOnlyKeys("plain", "result", "boom");
    JobRunnerDispatcher dispatcher = new JobRunnerDispatcher("type", items);

    assertThat(JobRunnerTester.run(dispatcher, job("plain")).action())
        .isEqualTo(Action.EXECUTE_SUCCESS);
    JobRunnerTester.Run result = JobRunnerTester.run(dispatcher, job("result"));
    assertThat(result.action()).isEqualTo(Action.EXECUTE_LATER);
    assertThat(result.msg()).isEqualTo("t-result/t-result");
    JobRunnerTester.Run boom = JobRunnerTester.run(dispatcher, job("boom"));
    assertThat(boom.action()).isEqualTo(Action.EXECUTE_EXCEPTION);
    assertThat(boom.msg()).contains("IllegalStateException: boom t-boom");
  }

  @Test
  void anUnknownKindFailsWithoutRetryNamingTheKnownKinds() {
    JobRunnerDispatcher dispatcher = new JobRunnerDispatcher("type", find("g", Jobs.class));
    JobRunnerTester.Run run = JobRunnerTester.run(dispatcher, job("nope"));
    assertThat(run.action()).isEqualTo(Action.EXECUTE_FAILED);
    assertThat(run.msg()).contains("type=nope").contains("[boom, plain, result]");
  }

  @Test
  void theDefaultMethodTakesJobsOfKindsNoOtherMethodRuns() {
    JobRunnerDispatcher dispatcher =
        new JobRunnerDispatcher("type", find("g", Jobs.class, Fallback.class));
    assertThat(JobRunnerTester.run(dispatcher, job("nope")).msg()).isEqualTo("default for nope");
    assertThat(JobRunnerTester.run(dispatcher, job(null)).msg()).isEqualTo("default for null");
  }

  @Test
  void aMethodTakingSomethingElseIsRefused() {
    assertThatThrownBy(() -> find("g", WrongParameter.class))
        .isInstanceOf(JobRunnerDefinitionException.class)
        .hasMessageContaining(WrongParameter.class.getName() + ".run()")
        .hasMessageContaining("takes a java.lang.String");
  }

  @Test
  void twoMethodsForOneKindAreRefused() {
    assertThatThrownBy(() -> find("g", Jobs.class, SameKind.class))
        .isInstanceOf(JobRunnerDefinitionException.class)
        .hasMessageContaining("Two @JobRunnerItem methods for job kind 'plain'");
  }
}
