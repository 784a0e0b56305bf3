package com.lts.example.e2e;

import com.lts.core.domain.Action;
import com.lts.core.domain.Result;
import com.lts.tasktracker.runner.JobContext;
import com.lts.tasktracker.runner.JobRunner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts runs per task id and does what the job's {@code action} parameter asks: {@code SUCCESS}
 * (default), {@code FAILED}, {@code LATER}, {@code THROW}, or {@code BLOCK} (waits for {@link
 * #release}).
 */
final class CountingRunner implements JobRunner {

  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch blocked = new CountDownLatch(1);

  @Override
  public Result run(JobContext context) throws Exception {
    String taskId = context.getJob().getTaskId();
    runs.computeIfAbsent(taskId, t -> new AtomicInteger()).incrementAndGet();
    String action = context.getJob().getParam("action");
    if (action == null) {
      return null;
    }
    return switch (action) {
      case "FAILED" -> new Result(Action.EXECUTE_FAILED, "no such shop");
      case "LATER" -> new Result(Action.EXECUTE_LATER, "shop busy");
      case "THROW" -> throw new IllegalStateException("shop closed");
      case "BLOCK" -> {
        blocked.countDown();
        release.await(30, TimeUnit.SECONDS);
        yield new Result(Action.EXECUTE_SUCCESS, "released");
      }
      default -> new Result(Action.EXECUTE_SUCCESS, action);
    };
  }

  int runsOf(String taskId) {
    AtomicInteger count = runs.get(taskId);
    return count == null ? 0 : count.get();
  }

  long totalRuns() {
    return runs.values().stream().mapToLong(AtomicInteger::get).sum();
  }
}
