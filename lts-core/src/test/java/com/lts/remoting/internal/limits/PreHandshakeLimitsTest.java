package com.lts.remoting.internal.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Response;
import com.lts.remoting.Loopback;
import com.lts.remoting.RawPeer;
import com.lts.remoting.RemotingConnectException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.ErrorBody;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.protocol.FrameTooLargeException;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.server.RemotingServer;
import com.lts.remoting.internal.server.ServerSettings;
import io.netty.util.internal.PlatformDependent;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a peer that has proved nothing can cost a server: a few KB per connection, a bounded number
 * of connections, a bounded time; and what a peer that stops reading can cost: the write buffer.
 */
class PreHandshakeLimitsTest {

  private static final String TOKEN = "limits-cluster-token";
  private static final int MAX_FRAME = 16 * 1024 * 1024;

  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
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
        (channel, request) ->
            Response.success("OK", request.getJobs().get(0).getTaskId() + " served"));
    server.addChannelFailureListener((address, failure) -> failures.add(failure));
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

  private static String submit(RemotingClient client, String taskId) {
    return client
        .invokeSync(Command.SUBMIT_JOB, new JobSubmitRequest(List.of(SampleBodies.job(taskId))))
        .getMsg();
  }

  /** Direct memory in use: Netty's own count (when it keeps one) plus the JDK's direct buffers. */
  private static long directMemory() {
    long netty = Math.max(0, PlatformDependent.usedDirectMemory());
    long jdk = 0;
    for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
      if (pool.getName().equals("direct")) {
        jdk = pool.getMemoryUsed();
      }
    }
    return netty + jdk;
  }

  @Test
  void manySocketsStreamingHugeFramesBeforeTheHandshakeCostLittleAndOthersAreServed()
      throws Exception {
    RemotingServer server =
        server(Loopback.serverSettings(TOKEN).maxConnections(1_000, 200).build());
    RemotingClient legit = client("tt-legit", server.port());
    legit.awaitConnected(Duration.ofSeconds(5));
    assertThat(submit(legit, "before")).isEqualTo("before served");

    int sockets = 50;
    int chunk = 64 * 1024;
    int chunksPerSocket = MAX_FRAME / chunk; // a whole near-maximum frame each, if let in
    long baseline = directMemory();
    AtomicLong peak = new AtomicLong(baseline);
    AtomicLong bytesSent = new AtomicLong();
    ExecutorService flood = Executors.newFixedThreadPool(sockets);
    List<Socket> open = new CopyOnWriteArrayList<>();
    try {
      List<Future<?>> floods = new ArrayList<>();
      for (int i = 0; i < sockets; i++) {
        floods.add(
            flood.submit(
                () -> {
                  try (Socket socket = new Socket()) {
                    open.add(socket);
                    socket.connect(new InetSocketAddress(Loopback.HOST, server.port()), 2_000);
                    OutputStream out = socket.getOutputStream();
                    out.write(ByteBuffer.allocate(4).putInt(MAX_FRAME - 64).array());
                    byte[] junk = new byte[chunk];
                    for (int c = 0; c < chunksPerSocket; c++) {
                      out.write(junk);
                      bytesSent.addAndGet(chunk);
                      peak.accumulateAndGet(directMemory(), Math::max);
                    }
                  } catch (IOException e) {
                    // cut off by the server: what should happen
                  }
                  return null;
                }));
      }
      // The legitimate client keeps being served while the flood goes on.
      for (int i = 0; i < 20 && !floods.stream().allMatch(Future::isDone); i++) {
        assertThat(submit(legit, "during-" + i)).isEqualTo("during-" + i + " served");
        peak.accumulateAndGet(directMemory(), Math::max);
      }
      for (Future<?> f : floods) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      for (Socket s : open) {
        s.close();
      }
      flood.shutdownNow();
    }

    // Unbounded, the server would have buffered 50 x 16 MiB = 800 MiB.
    assertThat(peak.get() - baseline).as("direct memory growth").isLessThan(64L * 1024 * 1024);
    assertThat(bytesSent.get()).isLessThan((long) sockets * MAX_FRAME);
    assertThat(failures).isNotEmpty().allMatch(f -> f instanceof FrameTooLargeException);
    assertThat(failures.get(0)).hasMessageContaining("before the handshake finished");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> server.channels().size() == 1 && legit.isConnected());
    assertThat(submit(legit, "after")).isEqualTo("after served");
  }

  @Test
  void anyFrameOverTheHandshakeLimitIsRefusedBeforeTheHandshakeButNotAfterIt() throws Exception {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).build());
    JobSubmitRequest big = new JobSubmitRequest(List.of(SampleBodies.job("x".repeat(8_000))));

    try (RawPeer early = new RawPeer(server.port())) {
      early.read(); // the challenge
      early.send(RemotingMessage.request(CommandCode.SUBMIT_JOB, 1L, big));
      assertThat(early.awaitClosed()).isTrue();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
    assertThat(failures.get(0))
        .isInstanceOf(FrameTooLargeException.class)
        .hasMessageContaining("only handshake frames of up to 4096 bytes");

    try (RawPeer honest = new RawPeer(server.port())) {
      assertThat(honest.handshake("tt-honest", TOKEN).status()).isEqualTo(ResponseStatus.SUCCESS);
      honest.send(RemotingMessage.request(CommandCode.SUBMIT_JOB, 2L, big));
      assertThat(((Response) honest.read().body()).getMsg()).endsWith(" served");
    }
  }

  @Test
  void connectionsOverThePerAddressCapAreRefusedWithAReason() throws Exception {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).maxConnections(100, 3).build());
    List<RawPeer> peers = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        RawPeer peer = new RawPeer(server.port());
        peers.add(peer);
        assertThat(peer.read().command()).isEqualTo(CommandCode.HANDSHAKE_CHALLENGE);
      }
      try (RawPeer fourth = new RawPeer(server.port())) {
        RemotingMessage refusal = fourth.read();
        assertThat(refusal.status()).isEqualTo(ResponseStatus.SYSTEM_BUSY);
        assertThat(((ErrorBody) refusal.body()).getMessage())
            .contains("maximum of 3 connections from 127.0.0.1")
            .contains("lts.remoting.connections.per.address.max");
        assertThat(fourth.awaitClosed()).isTrue();
      }
      RemotingClient client = client("tt-late", server.port());
      assertThatThrownBy(() -> client.awaitConnected(Duration.ofMillis(300)))
          .isInstanceOf(RemotingConnectException.class);
      assertThat(client.lastFailure()).hasMessageContaining("refused the connection");

      peers.remove(0).close(); // one place frees up: the client gets in on its next attempt
      client.awaitConnected(Duration.ofSeconds(5));
      assertThat(submit(client, "in")).isEqualTo("in served");
    } finally {
      for (RawPeer p : peers) {
        p.close();
      }
    }
  }

  @Test
  void connectionsOverTheTotalCapAreRefusedWithAReason() throws Exception {
    RemotingServer server = server(Loopback.serverSettings(TOKEN).maxConnections(2, 100).build());
    try (RawPeer a = new RawPeer(server.port());
        RawPeer b = new RawPeer(server.port())) {
      a.read();
      b.read();
      try (RawPeer third = new RawPeer(server.port())) {
        RemotingMessage refusal = third.read();
        assertThat(refusal.status()).isEqualTo(ResponseStatus.SYSTEM_BUSY);
        assertThat(((ErrorBody) refusal.body()).getMessage())
            .contains("lts.remoting.connections.max");
      }
    }
  }

  @Test
  void aPeerThatStopsReadingIsCutOff() throws Exception {
    String answer = "y".repeat(512 * 1024);
    RemotingServer server =
        new RemotingServer(
            Loopback.serverSettings(TOKEN)
                .writeBufferHighWaterMark(64 * 1024)
                .writeStallTimeout(Duration.ofMillis(300))
                .build());
    server.registerProcessor(
        Command.SUBMIT_JOB, (channel, request) -> Response.success("OK", answer));
    server.addChannelFailureListener((address, failure) -> failures.add(failure));
    server.start();
    toClose.add(server);

    try (RawPeer reader = new RawPeer(server.port())) {
      assertThat(reader.handshake("tt-stuck", TOKEN).status()).isEqualTo(ResponseStatus.SUCCESS);
      JobSubmitRequest small = new JobSubmitRequest(List.of(SampleBodies.job("t")));
      // 64 answers of 512 KiB: far more than the socket buffers hold. The peer reads none.
      for (int i = 0; i < 64 && failures.isEmpty(); i++) {
        reader.send(RemotingMessage.request(CommandCode.SUBMIT_JOB, 10L + i, small));
      }
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(failures)
                      .anySatisfy(
                          f ->
                              assertThat(f)
                                  .isInstanceOf(WriteStallGuard.SlowPeerException.class)
                                  .hasMessageContaining("lts.remoting.write.stall.timeout")));
    }
  }
}
