package com.lts.tasktracker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.domain.Action;
import com.lts.core.domain.BizLog;
import com.lts.core.domain.Job;
import com.lts.core.domain.JobMeta;
import com.lts.core.domain.Result;
import com.lts.tasktracker.logger.LtsLoggerFactory;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import com.lts.tasktracker.runner.JobRunnerDefinitionException;
import com.lts.tasktracker.testing.JobRunnerTester;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobRunnerInvokerTest {

  static final List<String> seen = new ArrayList<>();

  private static Job job() {
    Job job = new Job();
    job.setTaskId("3213213123");
    job.setTaskTrackerNodeGroup("test_trade_TaskTracker");
    job.setParam("shopId", "11111");
    return job;
  }

  /** The seed's runner, as written there apart from the sleep. */
  public static class SeedJobRunner implements JobRunner {
    @Override
    public void run(Job job) throws Throwable {
      seen.add(job.getParam("shopId"));
      LtsLoggerFactory.getBizLogger().info("ran " + job.getTaskId());
    }
  }

  public static class ContextRunner implements JobRunner {
    @Override
    public Result run(JobContext context) {
      context.getBizLogger().debug("attempt " + context.getJobExtInfo().getAttempt());
      return new Result(Action.EXECUTE_LATER, "not yet");
    }
  }

  public static class ThrowingRunner implements JobRunner {
    @Override
    public Result run(JobContext context) {
      throw new IllegalStateException("shop 11111 is closed");
    }
  }

  public static class NullRunner implements JobRunner {
    @Override
    public Result run(JobContext context) {
      return null;
    }
  }

  public static class NoRunMethod implements JobRunner {}

  public static class NeedsArgument implements JobRunner {
    public NeedsArgument(String s) {}

    @Override
    public void run(Job job) {}
  }

  @Test
  void theSeedsVoidRunFormSucceedsAndLogs() {
    seen.clear();
    JobRunnerTester.Run run = JobRunnerTester.run(new SeedJobRunner(), job());
    assertThat(run.action()).isEqualTo(Action.EXECUTE_SUCCESS);
    assertThat(seen).containsExactly("11111");
    assertThat(run.bizLogs())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getMsg()).isEqualTo("ran 3213213123");
              assertThat(line.getLevel()).isEqualTo(BizLog.Level.INFO);
              assertThat(line.getJobId()).isEqualTo("test-3213213123");
              assertThat(line.getAttempt()).isEqualTo(1);
            });
  }

  @Test
  void aReturnedResultIsReportedAsIs() {
    JobMeta meta = new JobMeta("j1", 7, job());
    JobRunnerTester.Run run = JobRunnerTester.run(new ContextRunner(), meta);
    assertThat(run.action()).isEqualTo(Action.EXECUTE_LATER);
    assertThat(run.msg()).isEqualTo("not yet");
    assertThat(run.bizLogs()).extracting(BizLog::getMsg).containsExactly("attempt 7");
    assertThat(run.result().getJobMeta()).isSameAs(meta);
    assertThat(run.result().getEndTime()).isGreaterThanOrEqualTo(run.result().getStartTime());
  }

  @Test
  void aThrownExceptionIsExecuteExceptionWithTheStackTrace() {
    JobRunnerTester.Run run = JobRunnerTester.run(new ThrowingRunner(), job());
    assertThat(run.action()).isEqualTo(Action.EXECUTE_EXCEPTION);
    assertThat(run.msg())
        .startsWith("java.lang.IllegalStateException: shop 11111 is closed")
        .contains("at " + ThrowingRunner.class.getName() + ".run");
  }

  @Test
  void nullMeansSuccess() {
    assertThat(JobRunnerTester.run(new NullRunner(), job()).action())
        .isEqualTo(Action.EXECUTE_SUCCESS);
  }

  @Test
  void theRunnerSeesACopyOfTheJob() {
    Job job = job();
    JobRunnerTester.run(
        new JobRunner() {
          @Override
          public void run(Job j) {
            j.setParam("shopId", "changed");
          }
        },
        job);
    assertThat(job.getParam("shopId")).isEqualTo("11111");
  }

  @Test
  void bizLoggerOutsideARunSaysHowToUseIt() {
    assertThatThrownBy(LtsLoggerFactory::getBizLogger)
        .hasMessageContaining("outside a running job");
  }

  @Test
  void unusableRunnerClassesFailWhenTheFactoryIsMade() {
    assertThatThrownBy(() -> new ClassRunnerFactory(NoRunMethod.class))
        .isInstanceOf(JobRunnerDefinitionException.class)
        .hasMessageContaining("implements neither run(JobContext) nor run(Job)");
    assertThatThrownBy(() -> new ClassRunnerFactory(NeedsArgument.class))
        .hasMessageContaining("needs a constructor without arguments");
    assertThatThrownBy(() -> new ClassRunnerFactory(JobRunner.class))
        .hasMessageContaining("abstract");
  }

  @Test
  void classFactoryMakesAFreshRunnerPerRun() {
    ClassRunnerFactory factory = new ClassRunnerFactory(SeedJobRunner.class);
    JobMeta meta = new JobMeta("j", 1, job());
    assertThat(factory.newRunner(meta))
        .isInstanceOf(SeedJobRunner.class)
        .isNotSameAs(factory.newRunner(meta));
  }

  @Test
  void longMessagesAreCut() {
    JobRunnerTester.Run run =
        JobRunnerTester.run(
            new JobRunner() {
              @Override
              public Result run(JobContext context) {
                return new Result(Action.EXECUTE_FAILED, "x".repeat(20_000));
              }
            },
            job());
    assertThat(run.msg()).hasSizeLessThan(JobRunnerInvoker.MAX_MESSAGE_LENGTH + 100);
    assertThat(run.msg()).endsWith("(20000 characters in all)");
  }
}
