package com.lts.remoting.internal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.lts.remoting.Loopback;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.codec.FrameDecoder;
import com.lts.remoting.internal.codec.MessageDecoder;
import com.lts.remoting.internal.codec.MessageEncoder;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.protocol.ProtocolException;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.server.RemotingServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CodecException;
import io.netty.util.ResourceLeakDetector;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A seeded mutation fuzzer over valid frames of every command: the frame and body decoders in
 * process, then a real server over loopback with mutated handshakes (before authentication) and
 * mutated command frames (after it). Asserts that bad input only ever ends in a typed {@link
 * ProtocolException}, that no connection hangs, no buffer leaks, and the server still serves a
 * well-behaved client. About 10 s; {@code -Dlts.long.tests=true} runs it for minutes, and {@code
 * -Dlts.fuzz.seed=N} replays a run. Each finding is kept in {@link FuzzRegressionTest}.
 */
public class ProtocolFuzzTest {

  private static final String TOKEN = "fuzz-cluster-token";
  private static final int MAX_FRAME = 1024 * 1024;
  private static final boolean LONG = Boolean.getBoolean("lts.long.tests");
  private static final long SEED = Long.getLong("lts.fuzz.seed", System.nanoTime());

  /** Valid frames (length prefix included) of every body class the protocol carries. */
  public static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    long id = 1;
    for (CommandCode code : CommandCode.values()) {
      seeds.add(encode(RemotingMessage.request(code, id++, SampleBodies.of(code.requestType()))));
      seeds.add(encode(RemotingMessage.oneWay(code, SampleBodies.of(code.requestType()))));
      RemotingMessage request = RemotingMessage.request(code, id++, null);
      seeds.add(encode(RemotingMessage.response(request, SampleBodies.of(code.responseType()))));
      seeds.add(encode(RemotingMessage.error(request, ResponseStatus.SYSTEM_BUSY, "busy")));
    }
    return seeds;
  }

  public static byte[] encode(RemotingMessage message) {
    ByteBuf buf = Unpooled.buffer();
    MessageEncoder.encode(message, buf, MAX_FRAME);
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    buf.release();
    return bytes;
  }

  /**
   * Feeds {@code input} to a fresh frame + message decoder; returns what failed in a way other than
   * a typed protocol error, or null.
   */
  static String decodeProblem(byte[] input, boolean authenticated) {
    FrameDecoder frames = new FrameDecoder(MAX_FRAME);
    if (authenticated) {
      frames.authenticated();
    }
    EmbeddedChannel channel = new EmbeddedChannel(frames, new MessageDecoder());
    // A buffer of its own even when empty (Unpooled's shared empty buffer is never released).
    ByteBuf buf = Unpooled.buffer(input.length).writeBytes(input);
    Throwable thrown = null;
    try {
      channel.writeInbound(buf);
    } catch (Throwable t) {
      thrown = t;
    }
    try {
      channel.finishAndReleaseAll();
    } catch (Throwable t) {
      thrown = thrown == null ? t : thrown;
    }
    if (buf.refCnt() != 0) {
      return "input buffer not released (refCnt " + buf.refCnt() + ")";
    }
    Throwable cause = thrown;
    while (cause instanceof CodecException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause != null && !(cause instanceof ProtocolException)) {
      return cause.toString();
    }
    return null;
  }

  @Test
  void decodersRejectEveryMutationWithATypedProtocolError() {
    Mutator mutator = new Mutator(SEED);
    List<byte[]> seeds = seeds();
    long deadline = System.nanoTime() + Duration.ofSeconds(LONG ? 120 : 3).toNanos();
    int max = LONG ? 5_000_000 : 200_000;
    int runs = 0;
    for (; runs < max && System.nanoTime() < deadline; runs++) {
      byte[] input = mutator.mutate(seeds.get(mutator.nextInt(seeds.size())));
      boolean authenticated = mutator.nextInt(4) != 0;
      String problem = decodeProblem(input, authenticated);
      if (problem != null) {
        fail(
            "Seed %d, run %d (authenticated: %s): %s%ninput: %s",
            SEED, runs, authenticated, problem, HexFormat.of().formatHex(input));
      }
    }
    assertThat(runs).as("runs").isGreaterThan(100);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void aServerFedMutatedHandshakesAndCommandsKeepsServingAndLeaksNothing() throws Exception {
    ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    Logger leakLog = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    ListAppender<ILoggingEvent> leaks = new ListAppender<>();
    leaks.start();
    leakLog.addAppender(leaks);
    ExecutorService peers = Executors.newFixedThreadPool(8);
    RemotingServer server =
        new RemotingServer(
            Loopback.serverSettings(TOKEN)
                .handshakeTimeout(Duration.ofMillis(300))
                .heartbeatInterval(Duration.ofMillis(100))
                .build());
    try {
      for (Field field : Command.class.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == Command.class) {
          Command command = (Command) field.get(null);
          if (!command.code().isInternal()) {
            Object answer = SampleBodies.of(command.responseType());
            server.registerProcessor(command, (RequestProcessor) (channel, request) -> answer);
          }
        }
      }
      server.start();
      Mutator mutator = new Mutator(SEED);
      List<byte[]> commands = seeds();
      long deadline = System.nanoTime() + Duration.ofSeconds(LONG ? 120 : 5).toNanos();
      int max = LONG ? 100_000 : 2_000;
      AtomicInteger done = new AtomicInteger();
      List<Future<String>> running = new ArrayList<>();
      for (int i = 0; i < max && System.nanoTime() < deadline; i++) {
        boolean beforeHandshake = mutator.nextInt(3) == 0;
        long seed = SEED + i;
        byte[] command = commands.get(mutator.nextInt(commands.size()));
        running.add(
            peers.submit(
                () -> {
                  String problem =
                      FuzzPeer.attack(
                          server.port(), TOKEN, new Mutator(seed), beforeHandshake, command);
                  done.incrementAndGet();
                  return problem == null ? null : "seed " + seed + ": " + problem;
                }));
        if (running.size() >= 64) {
          collect(running);
        }
      }
      collect(running);
      assertThat(done.get()).as("attacks").isGreaterThan(20);

      RemotingClient client =
          Loopback.connectedClient(
              Loopback.clientSettings("tt-after", TOKEN, server.port()).build());
      try {
        assertThat(
                client.invokeSync(
                    Command.SUBMIT_JOB, new JobSubmitRequest(List.of(SampleBodies.job("t")))))
            .as("served after the fuzzing")
            .isNotNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> server.channels().size() == 1);
      } finally {
        client.close();
      }
      // Buffers are reported as leaked when collected unreleased: collect, then allocate to let
      // the detector report.
      System.gc();
      for (int i = 0; i < 1_000; i++) {
        Unpooled.directBuffer(16).release();
      }
      assertThat(leaks.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .noneMatch(m -> m.contains("LEAK") && m.contains("ByteBuf"));
    } finally {
      server.close();
      peers.shutdownNow();
      leakLog.detachAppender(leaks);
      ResourceLeakDetector.setLevel(level);
    }
  }

  private static void collect(List<Future<String>> running) throws Exception {
    for (Future<String> f : running) {
      String problem = f.get(30, TimeUnit.SECONDS);
      if (problem != null) {
        fail("Fuzz seed %d: %s", SEED, problem);
      }
    }
    running.clear();
  }
}
