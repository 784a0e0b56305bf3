package com.lts.spring.boot;

import com.lts.core.domain.Action;
import com.lts.core.domain.Job;
import com.lts.core.domain.Result;
import com.lts.spring.runner.JobRunnerItem;
import com.lts.tasktracker.runner.JobContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/** Three job kinds of a Boot app under test; records what ran. */
public class BootJobs implements ApplicationListener<ContextClosedEvent> {

  final List<String> ran = new CopyOnWriteArrayList<>();
  final CountDownLatch slowStarted = new CountDownLatch(1);
  final CountDownLatch closing = new CountDownLatch(1);
  volatile boolean slowFinished;
  volatile boolean slowInterrupted;

  @JobRunnerItem("mail")
  public void mail(Job job) {
    ran.add("mail:" + job.getTaskId());
  }

  @JobRunnerItem("report")
  public Result report(JobContext context, Job job) {
    ran.add("report:" + job.getTaskId() + ":" + context.getJobExtInfo().getAttempt());
    return new Result(Action.EXECUTE_SUCCESS, "reported");
  }

  /** Runs until the application is shutting down, then finishes its work. */
  @JobRunnerItem("slow")
  public void slow(Job job) {
    slowStarted.countDown();
    try {
      closing.await(20, TimeUnit.SECONDS);
      slowFinished = true;
    } catch (InterruptedException e) {
      slowInterrupted = true;
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    closing.countDown();
  }
}
