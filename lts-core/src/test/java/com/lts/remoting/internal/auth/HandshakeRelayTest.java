package com.lts.remoting.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Response;
import com.lts.remoting.AuthenticationException;
import com.lts.remoting.Loopback;
import com.lts.remoting.RawPeer;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.codec.MessageDecoder;
import com.lts.remoting.internal.codec.MessageEncoder;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.ErrorBody;
import com.lts.remoting.internal.command.HandshakeChallenge;
import com.lts.remoting.internal.command.HandshakeRequest;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.server.RemotingServer;
import com.lts.remoting.internal.server.ServerSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A party that poses as a JobTracker (e.g. it added itself to an open registry) and passes a real
 * client's handshake on to the real JobTracker must get nothing usable out of it.
 */
class HandshakeRelayTest {

  private static final String TOKEN = "relay-cluster-token";

  private final AtomicInteger processed = new AtomicInteger();
  private final List<Throwable> serverFailures = new CopyOnWriteArrayList<>();
  // Relay threads add their sockets while the test runs.
  private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    threads.shutdownNow();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    for (AutoCloseable c : toClose) {
      c.close(); // what a relay thread opened while the first round ran; closing twice is fine
    }
  }

  private RemotingServer realServer(ServerSettings settings) {
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

  private RemotingClient client(String identity, int port) {
    RemotingClient client =
        new RemotingClient(Loopback.clientSettings(identity, TOKEN, port).build());
    toClose.add(0, client);
    client.start();
    return client;
  }

  private ServerSocket listener() throws IOException {
    ServerSocket listener = new ServerSocket(0, 10, InetAddress.getByName(Loopback.HOST));
    toClose.add(listener);
    return listener;
  }

  /** A transparent TCP relay: every byte from the client to the real server and back. */
  private int startByteRelay(int target) throws IOException {
    ServerSocket listener = listener();
    threads.submit(
        () -> {
          while (!listener.isClosed()) {
            Socket fromClient = listener.accept();
            Socket toServer = new Socket(Loopback.HOST, target);
            toClose.add(fromClient);
            toClose.add(toServer);
            threads.submit(() -> pump(fromClient.getInputStream(), toServer));
            threads.submit(() -> pump(toServer.getInputStream(), fromClient));
          }
          return null;
        });
    return listener.getLocalPort();
  }

  private static Void pump(InputStream in, Socket to) throws IOException {
    try (to) {
      in.transferTo(to.getOutputStream());
    }
    return null;
  }

  @Test
  void aTransparentRelayIsRefusedBecauseTheClientDialledIt() throws Exception {
    RemotingServer server = realServer(Loopback.serverSettings(TOKEN).build());
    int relay = startByteRelay(server.port());

    RemotingClient victim = client("tt-victim", relay);

    assertThatThrownBy(() -> victim.awaitConnected(Duration.ofSeconds(5)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("dialled 127.0.0.1:" + relay + ", which is not this server");
    await().atMost(Duration.ofSeconds(5)).until(() -> !serverFailures.isEmpty());
    assertThat(server.channels()).isEmpty();
    assertThat(processed).hasValue(0);
  }

  @Test
  void aRelayTheOperatorDeclaredAsAnAliasIsAccepted() throws Exception {
    // The same relay, now a port forward the operator set up and named.
    ServerSocket reserved = listener();
    int relayPort = reserved.getLocalPort();
    reserved.close();
    RemotingServer server =
        realServer(
            Loopback.serverSettings(TOKEN)
                .serverAliases("jt.example.org, 127.0.0.1:" + relayPort)
                .build());
    ServerSocket listener = new ServerSocket(relayPort, 10, InetAddress.getByName(Loopback.HOST));
    toClose.add(listener);
    threads.submit(
        () -> {
          Socket fromClient = listener.accept();
          Socket toServer = new Socket(Loopback.HOST, server.port());
          toClose.add(fromClient);
          toClose.add(toServer);
          threads.submit(() -> pump(fromClient.getInputStream(), toServer));
          threads.submit(() -> pump(toServer.getInputStream(), fromClient));
          return null;
        });

    RemotingClient client = client("tt-forwarded", relayPort);
    client.awaitConnected(Duration.ofSeconds(5));

    assertThat(
            client
                .invokeSync(
                    Command.SUBMIT_JOB, new JobSubmitRequest(List.of(SampleBodies.job("t"))))
                .getMsg())
        .isEqualTo("tt-forwarded");
  }

  /**
   * An active fake JobTracker: takes a real challenge from the real server, shows it to the victim
   * (as itself, or as the real server), and hands the victim's proof to the real server, with the
   * dialled address left alone or rewritten to the real server's.
   */
  @Test
  void aFakeJobTrackerRelayingTheClientsProofGetsNothing() throws Exception {
    RemotingServer server = realServer(Loopback.serverSettings(TOKEN).build());
    String realAddress = Loopback.HOST + ":" + server.port();

    for (String posingAs : new String[] {"jt-fake", "jt-test"}) {
      for (boolean rewriteAddress : new boolean[] {false, true}) {
        ServerSocket fake = listener();
        CompletableFuture<RemotingMessage> realAnswer =
            CompletableFuture.supplyAsync(
                () -> relayOnce(fake, server.port(), posingAs, rewriteAddress ? realAddress : null),
                threads);
        RemotingClient victim = client("tt-victim", fake.getLocalPort());

        RemotingMessage answer = realAnswer.get(10, TimeUnit.SECONDS);
        assertThat(answer.status())
            .as(
                "real server's answer (posing as %s, address rewritten: %s)",
                posingAs, rewriteAddress)
            .isEqualTo(ResponseStatus.UNAUTHENTICATED);
        assertThat(((ErrorBody) answer.body()).getMessage())
            .containsAnyOf("which is not this server", "different cluster token");
        assertThatThrownBy(() -> victim.awaitConnected(Duration.ofSeconds(5)))
            .isInstanceOf(Exception.class);
        assertThat(victim.isConnected()).isFalse();
        victim.close();
      }
    }
    assertThat(server.channels()).isEmpty();
    assertThat(processed).hasValue(0);
  }

  /** Plays the fake JobTracker for one victim connection; returns the real server's answer. */
  private RemotingMessage relayOnce(
      ServerSocket fake, int realPort, String posingAs, String rewriteAddressTo) {
    try (Socket victim = fake.accept();
        RawPeer toReal = new RawPeer(realPort)) {
      DataInputStream fromVictim = new DataInputStream(victim.getInputStream());
      OutputStream toVictim = victim.getOutputStream();
      HandshakeChallenge real = (HandshakeChallenge) toReal.read().body();
      write(
          toVictim,
          RemotingMessage.oneWay(
              CommandCode.HANDSHAKE_CHALLENGE,
              new HandshakeChallenge(real.getServerNonce(), posingAs)));
      RemotingMessage proof = read(fromVictim);
      HandshakeRequest request = (HandshakeRequest) proof.body();
      if (rewriteAddressTo != null) {
        request.setServerAddress(rewriteAddressTo);
      }
      toReal.send(RemotingMessage.request(CommandCode.HANDSHAKE, proof.requestId(), request));
      RemotingMessage answer = toReal.read();
      write(toVictim, answer); // whatever the real server said, the victim may as well hear it
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(OutputStream out, RemotingMessage message) throws IOException {
    ByteBuf buf = Unpooled.buffer();
    MessageEncoder.encode(message, buf, 1 << 20);
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    buf.release();
    out.write(bytes);
    out.flush();
  }

  private static RemotingMessage read(DataInputStream in) throws IOException {
    byte[] frame = new byte[in.readInt()];
    in.readFully(frame);
    return MessageDecoder.decode(Unpooled.wrappedBuffer(frame));
  }

  @Test
  void theServerChecksTheDialledAddressWithoutLookingUpNames() {
    ServerAddresses addresses = ServerAddresses.parse("jt.example.org, 10.1.1.1:9000");
    InetSocketAddress local = new InetSocketAddress("127.0.0.1", 35001);

    assertThat(addresses.problem("127.0.0.1:35001", local)).isNull();
    assertThat(addresses.problem("localhost:35001", local)).isNull();
    assertThat(addresses.problem("[::ffff:127.0.0.1]:35001", local)).isNull();
    assertThat(addresses.problem("JT.example.org:35001", local)).isNull();
    assertThat(addresses.problem("10.1.1.1:9000", local)).isNull();
    assertThat(addresses.problem("127.0.0.1:35002", local)).contains("not this server");
    assertThat(addresses.problem("127.0.0.2:35001", local)).contains("not this server");
    assertThat(addresses.problem("jt.example.org:9000", local)).contains("not this server");
    assertThat(addresses.problem("evil.example.org:35001", local)).contains("not this server");
    assertThat(addresses.problem(null, local)).contains("without the address");
    assertThat(ServerAddresses.format("::1", 35001)).isEqualTo("[::1]:35001");
    assertThat(ServerAddresses.isLoopbackHost("127.0.0.1")).isTrue();
    assertThat(ServerAddresses.isLoopbackHost("::1")).isTrue();
    assertThat(ServerAddresses.isLoopbackHost("LOCALHOST")).isTrue();
    assertThat(ServerAddresses.isLoopbackHost("10.0.0.5")).isFalse();
    assertThat(ServerAddresses.isLoopbackHost("jt.example.org")).isFalse();
    assertThat(new ServerAddresses(java.util.Set.of()).problem("[::1]:35001", local))
        .contains("not this server");
  }
}
