package com.lts.remoting.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeListener;
import com.lts.core.internal.background.NodeEventBus;
import com.lts.core.store.StoreUnavailableException;
import com.lts.core.testing.LogCapture;
import com.lts.remoting.Loopback;
import com.lts.remoting.RemoteErrorException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobCancelRequest;
import com.lts.remoting.internal.command.JobPullRequest;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.server.RemotingServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A processor that fails is answered at once and logged by the background rule. */
class ProcessorFailureTest {

  /** Far longer than any answer below may take: a caller left waiting fails the test. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final List<NodeEvent> told = new CopyOnWriteArrayList<>();
  private final NodeEventBus events =
      new NodeEventBus("jt-test", new CopyOnWriteArrayList<NodeListener>(List.of(told::add)));
  private LogCapture logs;
  private RemotingServer server;
  private RemotingClient client;

  @BeforeEach
  void start() {
    logs = LogCapture.start();
    server = new RemotingServer(Loopback.serverSettings(null).events(events).build());
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) -> {
          throw new IllegalStateException("processor bug");
        });
    server.registerProcessor(
        Command.CANCEL_JOB,
        (channel, request) -> {
          throw new AssertionError("processor error");
        });
    server.registerProcessor(
        Command.JOB_PULL,
        (channel, request) -> {
          throw new StoreUnavailableException("db down", null);
        });
    server.start();
    client =
        Loopback.connectedClient(
            Loopback.clientSettings("tt-1", null, server.port())
                .requestTimeout(REQUEST_TIMEOUT)
                .build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
    events.close();
    logs.close();
  }

  @Test
  void anExceptionIsAnsweredAsSystemErrorLoggedWithItsStackAndTold() {
    assertThatThrownBy(
            () ->
                client.invokeSync(
                    Command.SUBMIT_JOB, new JobSubmitRequest(List.of(SampleBodies.job("a")))))
        .isInstanceOfSatisfying(
            RemoteErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(ResponseStatus.SYSTEM_ERROR);
              assertThat(e.remoteMessage()).contains("processor bug");
            });

    await().until(() -> !logs.lines(Level.ERROR, "Processing SUBMIT_JOB").isEmpty());
    ILoggingEvent line = logs.lines(Level.ERROR, "Processing SUBMIT_JOB").get(0);
    assertThat(line.getThrowableProxy().getMessage()).isEqualTo("processor bug");
    await()
        .until(
            () ->
                told.stream()
                    .anyMatch(
                        e ->
                            e instanceof NodeEvent.UnexpectedError u
                                && u.error() instanceof IllegalStateException));
  }

  @Test
  void anErrorIsAnsweredAtOnceNotAtTheTimeout() {
    long start = System.nanoTime();
    assertThatThrownBy(() -> client.invokeSync(Command.CANCEL_JOB, new JobCancelRequest("t", "g")))
        .isInstanceOfSatisfying(
            RemoteErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(ResponseStatus.SYSTEM_ERROR);
              assertThat(e.remoteMessage()).contains("processor error");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(REQUEST_TIMEOUT.dividedBy(3));

    await().until(() -> !logs.lines(Level.ERROR, "Processing CANCEL_JOB").isEmpty());
    assertThat(logs.lines(Level.ERROR, "Processing CANCEL_JOB").get(0).getThrowableProxy())
        .satisfies(t -> assertThat(t.getClassName()).isEqualTo(AssertionError.class.getName()));
    await()
        .until(
            () ->
                told.stream()
                    .anyMatch(
                        e ->
                            e instanceof NodeEvent.UnexpectedError u
                                && u.error() instanceof AssertionError));
  }

  @Test
  void aTransientFailureIsAnsweredBusyAndLoggedAsOneWarnLine() {
    assertThatThrownBy(
            () -> client.invokeSync(Command.JOB_PULL, new JobPullRequest("tt-1", "g", 1)))
        .isInstanceOfSatisfying(
            RemoteErrorException.class,
            e -> assertThat(e.status()).isEqualTo(ResponseStatus.SYSTEM_BUSY));

    await().until(() -> !logs.lines(Level.WARN, "Processing JOB_PULL").isEmpty());
    assertThat(logs.lines(Level.WARN, "Processing JOB_PULL").get(0).getThrowableProxy()).isNull();
    assertThat(logs.lines(Level.ERROR, "Processing JOB_PULL")).isEmpty();
  }
}
