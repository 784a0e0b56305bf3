package com.lts.core.internal.background;

import com.lts.core.LtsException;
import com.lts.core.event.FailureKind;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeEvents;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the background work of one part of a node and handles its failures one way: an expected,
 * transient failure ({@link FailureKind#isTransient()}) is one WARN line with what failed and what
 * to check, repeated at most once a minute while the task keeps failing; anything else is an ERROR
 * with its stack. Every failure is reported to the node as a {@link NodeEvent} (which counts it),
 * and a task that works again after failing is reported too.
 */
public final class Background {

  private static final long REPEAT_WARN_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final int MAX_CAUSE_DEPTH = 16;

  private final NodeEvents events;
  private final Logger log;
  private final Map<String, Streak> failing = new ConcurrentHashMap<>();

  /**
   * @param owner the class whose logger the lines go to
   */
  public Background(NodeEvents events, Class<?> owner) {
    this.events = Objects.requireNonNull(events);
    this.log = LoggerFactory.getLogger(owner);
  }

  /** {@code body} as a task for an executor: each run goes through {@link #run}. */
  public Runnable guard(String task, Runnable body) {
    Objects.requireNonNull(task);
    Objects.requireNonNull(body);
    return () -> run(task, body);
  }

  /**
   * Runs one turn of {@code task}. Used only at the root of a background thread's work (an executor
   * task, a loop's body), so that nothing it throws ends the thread or cancels its schedule.
   */
  public void run(String task, Runnable body) {
    try {
      body.run();
    } catch (Throwable t) { // thread root: whatever the task throws is logged, counted and told
      failed(task, t);
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      return;
    }
    succeeded(task);
  }

  /** A turn of {@code task} failed (also for failures seen in callbacks, e.g. of a future). */
  public void failed(String task, Throwable failure) {
    failed(task, kindOf(failure), failure);
  }

  /**
   * A turn of {@code task} failed with {@code kind}, for failures of libraries whose exceptions say
   * nothing of their kind (e.g. a Redis client's).
   */
  public void failed(String task, FailureKind kind, Throwable failure) {
    Streak streak = failing.computeIfAbsent(task, t -> new Streak());
    long count;
    boolean warn;
    synchronized (streak) {
      count = ++streak.failures;
      streak.lastKind = kind;
      long now = System.nanoTime();
      warn = count == 1 || now - streak.lastWarnNanos >= REPEAT_WARN_NANOS;
      if (warn) {
        streak.lastWarnNanos = now;
      }
    }
    if (!kind.isTransient()) {
      log.error("{} failed unexpectedly; it runs again at its next turn", task, failure);
      events.publish(new NodeEvent.UnexpectedError(task, failure));
      return;
    }
    String message = messageOf(failure);
    if (warn) {
      log.warn(
          "{} failed{}: {}; {}",
          task,
          count == 1 ? "" : " (" + count + " times in a row)",
          message,
          kind.whatToCheck());
    } else {
      log.debug("{} failed again ({} times in a row): {}", task, count, message);
    }
    events.publish(new NodeEvent.BackgroundFailure(task, kind, message));
  }

  /** A turn of {@code task} worked; reports the end of a run of failures. */
  public void succeeded(String task) {
    if (failing.isEmpty()) {
      return;
    }
    Streak streak = failing.remove(task);
    if (streak == null) {
      return;
    }
    long failures;
    FailureKind kind;
    synchronized (streak) {
      failures = streak.failures;
      kind = streak.lastKind;
    }
    log.info("{} works again after {} failed turn(s)", task, failures);
    events.publish(new NodeEvent.BackgroundRecovered(task, kind, failures));
  }

  /** The kind of the first cause that has one, else {@link FailureKind#UNEXPECTED}. */
  public static FailureKind kindOf(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof LtsException lts && lts.failureKind().isTransient()) {
        return lts.failureKind();
      }
    }
    return FailureKind.UNEXPECTED;
  }

  /** The message of the failure and its causes, for one log line. */
  static String messageOf(Throwable failure) {
    StringBuilder text = new StringBuilder(String.valueOf(failure));
    Throwable t = failure.getCause();
    for (int depth = 0; t != null && depth < 3; depth++, t = t.getCause()) {
      text.append(" <- ").append(t);
    }
    return text.toString();
  }

  private static final class Streak {
    long failures;
    long lastWarnNanos;
    FailureKind lastKind = FailureKind.UNEXPECTED;
  }
}
