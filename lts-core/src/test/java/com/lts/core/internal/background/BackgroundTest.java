package com.lts.core.internal.background;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.lts.core.event.FailureCount;
import com.lts.core.event.FailureKind;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeListener;
import com.lts.core.node.JobTrackerNotFoundException;
import com.lts.core.store.StoreUnavailableException;
import com.lts.core.testing.LogCapture;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackgroundTest {

  private final LogCapture logs = LogCapture.start();
  private final List<NodeEvent> told = new CopyOnWriteArrayList<>();
  private final NodeEventBus bus =
      new NodeEventBus("test", new CopyOnWriteArrayList<NodeListener>(List.of(told::add)));
  private final Background background = new Background(bus, BackgroundTest.class);

  @AfterEach
  void stop() {
    bus.close();
    logs.close();
  }

  private static Runnable throwing(RuntimeException e) {
    return () -> {
      throw e;
    };
  }

  @Test
  void aTransientFailureIsOneWarnLineWithoutStackCountedAndTold() {
    background.run(
        "Lease expiry",
        throwing(new StoreUnavailableException("db down", new SQLException("refused"))));

    List<ILoggingEvent> warns = logs.lines(Level.WARN, "Lease expiry failed");
    assertThat(warns).hasSize(1);
    assertThat(warns.get(0).getThrowableProxy()).isNull();
    assertThat(warns.get(0).getFormattedMessage())
        .contains("db down", "refused", FailureKind.STORE_UNAVAILABLE.whatToCheck());
    assertThat(logs.lines(Level.ERROR, "Lease expiry")).isEmpty();
    assertThat(bus.failureCounts())
        .containsExactly(new FailureCount("Lease expiry", FailureKind.STORE_UNAVAILABLE, 1));
    await()
        .until(
            () ->
                told.stream().anyMatch(e -> e instanceof NodeEvent.BackgroundFailure)
                    && told.stream().anyMatch(e -> e instanceof NodeEvent.StoreUnavailable));
  }

  @Test
  void aTransientCauseUnderAWrapperIsStillTransient() {
    background.run(
        "Pull",
        throwing(new IllegalStateException("wrapped", new JobTrackerNotFoundException("none"))));

    assertThat(logs.lines(Level.WARN, "Pull failed")).hasSize(1);
    assertThat(bus.failureCounts())
        .containsExactly(new FailureCount("Pull", FailureKind.NO_JOB_TRACKER, 1));
  }

  @Test
  void repeatedTransientFailuresWarnOnceButCountEach() {
    for (int i = 0; i < 5; i++) {
      background.run("Pull", throwing(new JobTrackerNotFoundException("none")));
    }

    assertThat(logs.lines(Level.WARN, "Pull failed")).hasSize(1);
    assertThat(bus.failureCounts())
        .containsExactly(new FailureCount("Pull", FailureKind.NO_JOB_TRACKER, 5));
  }

  @Test
  void anUnexpectedFailureIsAnErrorWithItsStackCountedAndTold() {
    IllegalStateException boom = new IllegalStateException("boom");
    background.run("Due wheel load", throwing(boom));

    List<ILoggingEvent> errors = logs.lines(Level.ERROR, "Due wheel load failed unexpectedly");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).getThrowableProxy().getClassName())
        .isEqualTo(IllegalStateException.class.getName());
    assertThat(bus.failureCounts())
        .containsExactly(new FailureCount("Due wheel load", FailureKind.UNEXPECTED, 1));
    await().until(() -> told.contains(new NodeEvent.UnexpectedError("Due wheel load", boom)));
  }

  @Test
  void anErrorIsCaughtAtTheRootSoTheScheduleGoesOn() {
    AtomicInteger runs = new AtomicInteger();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      scheduler.scheduleWithFixedDelay(
          background.guard(
              "Renewal",
              () -> {
                if (runs.incrementAndGet() == 1) {
                  throw new AssertionError("a bug");
                }
              }),
          0,
          10,
          TimeUnit.MILLISECONDS);
      await().until(() -> runs.get() >= 3);
    } finally {
      scheduler.shutdownNow();
    }
    assertThat(logs.lines(Level.ERROR, "Renewal failed unexpectedly"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getThrowableProxy().getClassName())
                    .isEqualTo(AssertionError.class.getName()));
    await()
        .until(
            () ->
                told.stream()
                    .anyMatch(
                        e -> e instanceof NodeEvent.BackgroundRecovered r && r.failures() == 1));
  }

  @Test
  void theStoreIsBackWhenATaskThatFailedOnItWorksAgain() {
    background.run("Claim", throwing(new StoreUnavailableException("db down", null)));
    background.run("Claim", () -> {});

    assertThat(logs.lines(Level.INFO, "Claim works again after 1 failed turn")).hasSize(1);
    await()
        .until(
            () ->
                told.stream()
                    .filter(
                        e ->
                            e instanceof NodeEvent.StoreUnavailable
                                || e instanceof NodeEvent.StoreBack)
                    .toList(),
            events ->
                events.size() == 2
                    && events.get(0) instanceof NodeEvent.StoreUnavailable
                    && events.get(1) instanceof NodeEvent.StoreBack);
  }
}
