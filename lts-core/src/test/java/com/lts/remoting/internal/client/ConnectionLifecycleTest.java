package com.lts.remoting.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Response;
import com.lts.remoting.Loopback;
import com.lts.remoting.NotConnectedException;
import com.lts.remoting.RawPeer;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.ConnectionListener;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.heartbeat.PeerIdleException;
import com.lts.remoting.internal.server.RemotingServer;
import com.lts.remoting.internal.server.ServerSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reconnects after a server restart, heartbeats, idle peers. */
class ConnectionLifecycleTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private RemotingServer server(ServerSettings settings) {
    RemotingServer server = new RemotingServer(settings);
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) -> Response.success("OK", request.getJobs().get(0).getTaskId()));
    server.start();
    toClose.add(0, server);
    return server;
  }

  private static JobSubmitRequest submit(String taskId) {
    return new JobSubmitRequest(List.of(SampleBodies.job(taskId)));
  }

  @Test
  void clientReconnectsAfterTheServerRestartsOnTheSamePort() {
    RemotingServer first = server(Loopback.serverSettings(null).build());
    int port = first.port();
    List<String> events = new CopyOnWriteArrayList<>();
    RemotingClient client = new RemotingClient(Loopback.clientSettings("tt-r", null, port).build());
    toClose.add(client);
    client.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(RemotingChannel channel) {
            events.add("connected:" + channel.peer().identity());
          }

          @Override
          public void disconnected(RemotingChannel channel) {
            events.add("disconnected");
          }
        });
    client.start();
    client.awaitConnected(WAIT);
    assertThat(client.invokeSync(Command.SUBMIT_JOB, submit("one")).getMsg()).isEqualTo("one");

    first.close();
    await().atMost(WAIT).until(() -> events.contains("disconnected"));
    assertThatThrownBy(() -> client.invokeSync(Command.SUBMIT_JOB, submit("gap")))
        .isInstanceOf(NotConnectedException.class);

    server(Loopback.serverSettings(null).port(port).build());
    client.awaitConnected(WAIT);

    assertThat(client.invokeSync(Command.SUBMIT_JOB, submit("two")).getMsg()).isEqualTo("two");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(events)
                    .containsExactly("connected:jt-test", "disconnected", "connected:jt-test"));
  }

  @Test
  void clientThatNeverReachesAServerKeepsTryingAndSaysWhy() {
    RemotingServer placeholder = server(Loopback.serverSettings(null).build());
    int port = placeholder.port();
    placeholder.close();
    RemotingClient client = new RemotingClient(Loopback.clientSettings("tt-x", null, port).build());
    toClose.add(client);
    client.start();

    assertThatThrownBy(() -> client.awaitConnected(Duration.ofMillis(300)))
        .isInstanceOf(com.lts.remoting.RemotingConnectException.class)
        .hasMessageContaining("127.0.0.1:" + port);
    assertThat(client.lastFailure()).isNotNull();

    server(Loopback.serverSettings(null).port(port).build());
    client.awaitConnected(WAIT);
    assertThat(client.invokeSync(Command.SUBMIT_JOB, submit("late")).getMsg()).isEqualTo("late");
  }

  @Test
  void heartbeatsKeepAnIdleConnectionOpen() {
    RemotingServer server =
        server(Loopback.serverSettings(null).heartbeatInterval(Duration.ofMillis(100)).build());
    RemotingClient client =
        Loopback.connectedClient(
            Loopback.clientSettings("tt-hb", null, server.port())
                .heartbeatInterval(Duration.ofMillis(100))
                .build());
    toClose.add(client);
    RemotingChannel channel = client.channel().orElseThrow();

    // Ten idle limits (300 ms each) without a single request.
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(() -> channel.isActive() && server.channels().size() == 1);
  }

  @Test
  void silentPeerIsClosedAfterThreeHeartbeatIntervals() throws Exception {
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    RemotingServer server =
        server(Loopback.serverSettings(null).heartbeatInterval(Duration.ofMillis(100)).build());
    server.addChannelFailureListener((address, failure) -> failures.add(failure));

    try (RawPeer silent = new RawPeer(server.port())) {
      assertThat(silent.handshake("silent-one", null).status()).isEqualTo(ResponseStatus.SUCCESS);
      assertThat(silent.awaitClosed()).isTrue();
    }
    await().atMost(WAIT).until(() -> !failures.isEmpty());
    assertThat(failures.get(0)).isInstanceOf(PeerIdleException.class);
  }

  @Test
  void aServerThatGoesSilentIsTakenForDeadAfterThreeHeartbeatIntervals() throws Exception {
    // Accepts TCP and then never sends a byte: like a frozen or cut-off JobTracker.
    try (java.net.ServerSocket silentServer =
        new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      List<java.net.Socket> accepted = new CopyOnWriteArrayList<>();
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (accepted.size() < 5) {
                    accepted.add(silentServer.accept());
                  }
                } catch (java.io.IOException closed) {
                  // the test is over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      RemotingClient client =
          new RemotingClient(
              Loopback.clientSettings("tt-silent", null, silentServer.getLocalPort())
                  .heartbeatInterval(Duration.ofMillis(100))
                  .connectTimeout(Duration.ofSeconds(30))
                  .build());
      toClose.add(client);
      client.start();

      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(client.lastFailure()).isInstanceOf(PeerIdleException.class));
      assertThat(client.isConnected()).isFalse();
      for (java.net.Socket socket : accepted) {
        socket.close();
      }
    }
  }
}
