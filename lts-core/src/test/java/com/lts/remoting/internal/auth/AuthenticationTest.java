package com.lts.remoting.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Response;
import com.lts.remoting.AuthenticationException;
import com.lts.remoting.Loopback;
import com.lts.remoting.NotConnectedException;
import com.lts.remoting.RawPeer;
import com.lts.remoting.RemotingConnectException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.ErrorBody;
import com.lts.remoting.internal.command.HandshakeResponse;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.server.RemotingServer;
import com.lts.remoting.internal.server.ServerSettings;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private static final String TOKEN = "s3cret-cluster-token";
  private static final Duration SHORT = Duration.ofMillis(500);

  private final AtomicInteger processed = new AtomicInteger();
  private final List<Throwable> serverFailures = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();

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
        (channel, request) -> {
          processed.incrementAndGet();
          return Response.success("OK", channel.peer().identity());
        });
    server.addChannelFailureListener((address, failure) -> serverFailures.add(failure));
    server.start();
    toClose.add(server);
    return server;
  }

  private RemotingClient client(String identity, String token, int port) {
    RemotingClient client =
        new RemotingClient(Loopback.clientSettings(identity, token, port).build());
    toClose.add(0, client);
    client.start();
    return client;
  }

  private static JobSubmitRequest submit() {
    return new JobSubmitRequest(List.of(SampleBodies.job("t")));
  }

  @Test
  void peerWithTheRightTokenIsServed() {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).build());
    RemotingClient client = client("tt-good", TOKEN, server.port());
    client.awaitConnected(Duration.ofSeconds(5));

    assertThat(client.invokeSync(Command.SUBMIT_JOB, submit()).getMsg()).isEqualTo("tt-good");
    assertThat(processed).hasValue(1);
    assertThat(client.channel().orElseThrow().peer().identity()).isEqualTo("jt-test");
  }

  @Test
  void peerWithAWrongTokenIsRefusedBeforeAnyProcessorRuns() {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).build());
    RemotingClient client = client("tt-wrong", "another-token", server.port());

    assertThatThrownBy(() -> client.awaitConnected(Duration.ofSeconds(5)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("refused the handshake")
        .hasMessageContaining("different cluster token");
    assertThatThrownBy(() -> client.invokeSync(Command.SUBMIT_JOB, submit()))
        .isInstanceOf(NotConnectedException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> !serverFailures.isEmpty());
    assertThat(serverFailures.get(0)).isInstanceOf(AuthenticationException.class);
    assertThat(server.channels()).isEmpty();
    assertThat(processed).hasValue(0);
  }

  @Test
  void peerWithoutATokenIsRefusedByAServerThatHasOne() {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).build());
    RemotingClient client = client("tt-none", null, server.port());

    assertThatThrownBy(() -> client.awaitConnected(Duration.ofSeconds(5)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("did not prove the cluster token");
    assertThat(processed).hasValue(0);
  }

  @Test
  void requestBeforeTheHandshakeIsRefusedAndTheConnectionClosed() throws Exception {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).build());

    try (RawPeer rogue = new RawPeer(server.port())) {
      assertThat(rogue.read().command()).isEqualTo(CommandCode.HANDSHAKE_CHALLENGE);
      rogue.send(RemotingMessage.request(CommandCode.SUBMIT_JOB, 5L, submit()));
      RemotingMessage answer = rogue.read();
      assertThat(answer.status()).isEqualTo(ResponseStatus.UNAUTHENTICATED);
      assertThat(answer.requestId()).isEqualTo(5L);
      assertThat(rogue.awaitClosed()).isTrue();
    }
    try (RawPeer rogue = new RawPeer(server.port())) {
      rogue.read();
      rogue.send(RemotingMessage.oneWay(CommandCode.SUBMIT_JOB, submit()));
      assertThat(rogue.awaitClosed()).isTrue();
    }
    assertThat(processed).hasValue(0);
  }

  @Test
  void rawPeerWithAWrongMacIsRefused() throws Exception {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).build());

    try (RawPeer rogue = new RawPeer(server.port())) {
      RemotingMessage answer = rogue.handshake("tt-rogue", "guessed-token");
      assertThat(answer.status()).isEqualTo(ResponseStatus.UNAUTHENTICATED);
      assertThat(((ErrorBody) answer.body()).getMessage()).contains("different cluster token");
      assertThat(rogue.awaitClosed()).isTrue();
    }
    try (RawPeer honest = new RawPeer(server.port())) {
      RemotingMessage answer = honest.handshake("tt-honest", TOKEN);
      assertThat(answer.status()).isEqualTo(ResponseStatus.SUCCESS);
      assertThat(((HandshakeResponse) answer.body()).getMac()).isNotNull();
      honest.send(RemotingMessage.request(CommandCode.SUBMIT_JOB, 2L, submit()));
      RemotingMessage response = honest.read();
      assertThat(((Response) response.body()).getMsg()).isEqualTo("tt-honest");
    }
    assertThat(processed).hasValue(1);
  }

  @Test
  void aPeerWithABadNameIsRefusedEvenWithTheToken() throws Exception {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).build());

    try (RawPeer odd = new RawPeer(server.port())) {
      RemotingMessage answer = odd.handshake("tt/../../etc", TOKEN);
      assertThat(answer.status()).isEqualTo(ResponseStatus.UNAUTHENTICATED);
      assertThat(((ErrorBody) answer.body()).getMessage())
          .contains("bad name")
          .contains("may only contain letters, digits");
    }
    assertThat(processed).hasValue(0);
  }

  @Test
  void handshakeNotFinishedInTimeClosesTheConnection() throws Exception {
    RemotingServer server =
        server(Loopback.serverSettings(TOKEN).handshakeTimeout(Duration.ofMillis(200)).build());

    try (RawPeer slow = new RawPeer(server.port())) {
      slow.read();
      assertThat(slow.awaitClosed()).isTrue();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !serverFailures.isEmpty());
    assertThat(serverFailures.get(0))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("not finished within 200 ms");
  }

  @Test
  void clientRefusesAServerThatCannotProveTheToken() {
    RemotingServer tokenless = server(Loopback.serverSettings(null).build());
    RemotingClient client = client("tt-careful", TOKEN, tokenless.port());

    assertThatThrownBy(() -> client.awaitConnected(Duration.ofSeconds(5)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("did not prove the cluster token");
    assertThat(client.isConnected()).isFalse();
  }

  @Test
  void withoutATokenALoopbackPeerIsAccepted() {
    RemotingServer server = server(Loopback.serverSettings(null).build());
    RemotingClient client = client("tt-local", null, server.port());
    client.awaitConnected(Duration.ofSeconds(5));

    assertThat(client.invokeSync(Command.SUBMIT_JOB, submit()).getMsg()).isEqualTo("tt-local");
  }

  @Test
  void withoutATokenANonLoopbackPeerIsRefused() {
    // Every peer here is on loopback; the filter sees it as a remote address instead.
    InetSocketAddress remote = new InetSocketAddress("192.0.2.10", 40000);
    RemotingServer server =
        server(
            Loopback.serverSettings(null)
                .addressFilter(address -> AddressFilter.LOOPBACK_ONLY.accepts(remote))
                .build());
    RemotingClient client = client("tt-far", null, server.port());

    assertThatThrownBy(() -> client.awaitConnected(SHORT))
        .isInstanceOf(RemotingConnectException.class);
    await().atMost(Duration.ofSeconds(5)).until(() -> !serverFailures.isEmpty());
    assertThat(serverFailures.get(0))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("only loopback peers");
    assertThat(processed).hasValue(0);
  }

  @Test
  void loopbackFilterAcceptsLoopbackOnly() {
    assertThat(AddressFilter.LOOPBACK_ONLY.accepts(new InetSocketAddress("127.0.0.1", 1))).isTrue();
    assertThat(AddressFilter.LOOPBACK_ONLY.accepts(new InetSocketAddress("::1", 1))).isTrue();
    assertThat(AddressFilter.LOOPBACK_ONLY.accepts(new InetSocketAddress("192.0.2.10", 1)))
        .isFalse();
    assertThat(AddressFilter.LOOPBACK_ONLY.accepts(InetSocketAddress.createUnresolved("x", 1)))
        .isFalse();
  }
}
