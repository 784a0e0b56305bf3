package com.lts.remoting.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Response;
import com.lts.remoting.ConnectionClosedException;
import com.lts.remoting.Loopback;
import com.lts.remoting.NotConnectedException;
import com.lts.remoting.RemoteErrorException;
import com.lts.remoting.RemotingTimeoutException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.command.Ack;
import com.lts.remoting.internal.command.BizLogSendRequest;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobCancelRequest;
import com.lts.remoting.internal.command.JobFeedbackRequest;
import com.lts.remoting.internal.command.JobFeedbackResponse;
import com.lts.remoting.internal.command.JobPullRequest;
import com.lts.remoting.internal.command.JobPushRequest;
import com.lts.remoting.internal.command.JobPushResponse;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.command.LeaseRenewRequest;
import com.lts.remoting.internal.command.LeaseRenewResponse;
import com.lts.remoting.internal.server.RemotingServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RpcTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private RemotingServer server;
  private RemotingClient client;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() {
    server = new RemotingServer(Loopback.serverSettings(null).build());
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) ->
            Response.success(
                Thread.currentThread().getName(),
                request.getJobs().get(0).getTaskId()
                    + "|"
                    + channel.peer().identity()
                    + "|"
                    + channel.peer().nodeType()));
    server.start();
    client = Loopback.connectedClient(Loopback.clientSettings("tt-1", null, server.port()).build());
  }

  @AfterEach
  void stop() {
    release.countDown();
    client.close();
    server.close();
  }

  private static JobSubmitRequest submit(String taskId) {
    return new JobSubmitRequest(List.of(SampleBodies.job(taskId)));
  }

  @Test
  void syncCallIsAnsweredByTheProcessorOffTheNetworkThreads() {
    Response response = client.invokeSync(Command.SUBMIT_JOB, submit("a"));

    assertThat(response.isSuccess()).isTrue();
    assertThat(response.getMsg()).isEqualTo("a|tt-1|TASK_TRACKER");
    assertThat(response.getCode()).as("processor thread").startsWith("lts-server-processor");
  }

  @Test
  void asyncCallCompletesOnTheCallbackExecutor() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    server.registerProcessor(
        Command.JOB_PULL,
        (channel, request) -> {
          entered.countDown();
          release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
          return new Ack();
        });
    CompletableFuture<Ack> future =
        client.invokeAsync(Command.JOB_PULL, new JobPullRequest("tt-1", "g", 3));
    AtomicReference<String> completedOn = new AtomicReference<>();
    CompletableFuture<Ack> observed =
        future.whenComplete((ack, failure) -> completedOn.set(Thread.currentThread().getName()));
    assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    assertThat(future).isNotDone();

    release.countDown();

    assertThat(observed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isInstanceOf(Ack.class);
    assertThat(completedOn.get()).startsWith("lts-client-callback");
  }

  @Test
  void oneWayMessageReachesItsProcessor() throws Exception {
    BlockingQueue<BizLogSendRequest> received = new LinkedBlockingQueue<>();
    server.registerProcessor(
        Command.BIZ_LOG_SEND,
        (channel, request) -> {
          received.add(request);
          return new Ack();
        });

    client
        .invokeOneWay(
            Command.BIZ_LOG_SEND, (BizLogSendRequest) SampleBodies.of(BizLogSendRequest.class))
        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    BizLogSendRequest got = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(got).isNotNull();
    assertThat(got.getBizLogs())
        .singleElement()
        .satisfies(l -> assertThat(l.getMsg()).isEqualTo("halfway"));
  }

  @Test
  void serverCallsTheClientOverTheClientsConnection() throws Exception {
    AtomicReference<String> callerSeenByClient = new AtomicReference<>();
    client.registerProcessor(
        Command.PUSH_JOB,
        (channel, request) -> {
          callerSeenByClient.set(
              channel.peer().identity() + "@" + Thread.currentThread().getName());
          return new JobPushResponse(List.of(request.getJobMetas().get(1).getJobId()));
        });
    client.registerProcessor(
        Command.JOB_FEEDBACK,
        (channel, request) -> new JobFeedbackResponse(request.getJobResults().size(), List.of()));
    await().atMost(WAIT).until(() -> server.channel("tt-1").isPresent());
    RemotingChannel toClient = server.channel("tt-1").orElseThrow();
    assertThat(toClient.peer().nodeGroup()).isEqualTo("lts");

    JobPushResponse pushed =
        toClient.invokeSync(
            Command.PUSH_JOB, (JobPushRequest) SampleBodies.of(JobPushRequest.class));
    JobFeedbackResponse feedback =
        toClient
            .invokeAsync(
                Command.JOB_FEEDBACK,
                (JobFeedbackRequest) SampleBodies.of(JobFeedbackRequest.class))
            .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(pushed.getFailedJobIds()).containsExactly("j2");
    assertThat(callerSeenByClient.get()).startsWith("jt-test@lts-client-processor");
    assertThat(feedback.getHandled()).isEqualTo(1);
  }

  @Test
  void requestWithoutAnswerTimesOut() {
    server.registerProcessor(
        Command.JOB_PULL,
        (channel, request) -> {
          release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
          return new Ack();
        });
    JobPullRequest pull = new JobPullRequest("tt-1", "g", 1);

    assertThatThrownBy(() -> client.invokeSync(Command.JOB_PULL, pull, Duration.ofMillis(200)))
        .isInstanceOf(RemotingTimeoutException.class)
        .hasMessageContaining("200 ms");
    CompletableFuture<Ack> async =
        client.invokeAsync(Command.JOB_PULL, pull, Duration.ofMillis(200));
    assertThatThrownBy(() -> async.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RemotingTimeoutException.class);
  }

  @Test
  void commandWithoutProcessorIsAnsweredNotSupported() {
    assertThatThrownBy(() -> client.invokeSync(Command.CANCEL_JOB, new JobCancelRequest("a", "g")))
        .isInstanceOfSatisfying(
            RemoteErrorException.class,
            e -> assertThat(e.status()).isEqualTo(ResponseStatus.COMMAND_NOT_SUPPORTED));
  }

  @Test
  void processorFailureIsAnsweredAsErrorWithItsMessage() {
    server.registerProcessor(
        Command.CANCEL_JOB,
        (channel, request) -> {
          throw new IllegalStateException("no job " + request.getTaskId());
        });

    assertThatThrownBy(() -> client.invokeSync(Command.CANCEL_JOB, new JobCancelRequest("x9", "g")))
        .isInstanceOfSatisfying(
            RemoteErrorException.class,
            e -> {
              assertThat(e.status()).isEqualTo(ResponseStatus.SYSTEM_ERROR);
              assertThat(e.remoteMessage()).contains("no job x9");
            });
    assertThat(client.invokeSync(Command.SUBMIT_JOB, submit("b")).isSuccess()).isTrue();
  }

  @Test
  void fullExecutorIsAnsweredBusy() throws Exception {
    ThreadPoolExecutor single =
        new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>());
    CountDownLatch entered = new CountDownLatch(1);
    try {
      server.registerProcessor(
          Command.LEASE_RENEW,
          (channel, request) -> {
            entered.countDown();
            release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return new LeaseRenewResponse(List.of());
          },
          single);
      LeaseRenewRequest renew = (LeaseRenewRequest) SampleBodies.of(LeaseRenewRequest.class);
      CompletableFuture<LeaseRenewResponse> first = client.invokeAsync(Command.LEASE_RENEW, renew);
      assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

      assertThatThrownBy(() -> client.invokeSync(Command.LEASE_RENEW, renew))
          .isInstanceOfSatisfying(
              RemoteErrorException.class,
              e -> assertThat(e.status()).isEqualTo(ResponseStatus.SYSTEM_BUSY));
      release.countDown();
      assertThat(first.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).getLostJobIds()).isEmpty();
    } finally {
      single.shutdownNow();
    }
  }

  @Test
  void heartbeatRequestIsAnsweredByTheRemotingLayer() {
    assertThat(
            client.invokeSync(
                Command.HEART_BEAT, new com.lts.remoting.internal.command.HeartBeatRequest(1L)))
        .isInstanceOf(Ack.class);
  }

  @Test
  void callsFailFastOnceTheServerIsGone() {
    RemotingChannel channel = client.channel().orElseThrow();
    server.close();
    await().atMost(WAIT).until(() -> !client.isConnected());

    assertThatThrownBy(() -> client.invokeSync(Command.SUBMIT_JOB, submit("c")))
        .isInstanceOf(NotConnectedException.class);
    assertThat(client.invokeAsync(Command.SUBMIT_JOB, submit("c")))
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(NotConnectedException.class);
    assertThat(channel.invokeAsync(Command.SUBMIT_JOB, submit("d")))
        .failsWithin(WAIT)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(ConnectionClosedException.class);
  }

  @Test
  void internalCommandsAndSecondProcessorsCannotBeRegistered() {
    assertThatThrownBy(
            () -> server.registerProcessor(Command.HEART_BEAT, (channel, request) -> new Ack()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                server.registerProcessor(
                    Command.SUBMIT_JOB, (channel, request) -> Response.success("x", "y")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already has a processor");
  }
}
