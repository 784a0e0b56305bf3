package com.lts.remoting.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Response;
import com.lts.remoting.Loopback;
import com.lts.remoting.RawPeer;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.protocol.BadMagicException;
import com.lts.remoting.internal.protocol.FrameTooLargeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServerIsolationTest {

  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private RemotingServer server;
  private RemotingClient client;

  @BeforeEach
  void start() {
    server = new RemotingServer(Loopback.serverSettings(null).build());
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) ->
            Response.success(
                "OK", request.getJobs().get(0).getTaskId() + " from " + channel.peer().identity()));
    server.addChannelFailureListener((address, failure) -> failures.add(failure));
    server.start();
    client =
        Loopback.connectedClient(
            Loopback.clientSettings("good-client", null, server.port()).build());
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private String submit(String taskId) {
    return client
        .invokeSync(Command.SUBMIT_JOB, new JobSubmitRequest(List.of(SampleBodies.job(taskId))))
        .getMsg();
  }

  @Test
  void badFrameClosesOnlyTheConnectionItCameOn() throws Exception {
    assertThat(submit("before")).isEqualTo("before from good-client");

    try (RawPeer bad = new RawPeer(server.port())) {
      bad.read(); // the challenge
      bad.sendRaw(ByteBuffer.allocate(30).putInt(26).putShort((short) 0x1234).array());
      assertThat(bad.awaitClosed()).as("bad peer closed").isTrue();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
    assertThat(failures.get(0)).isInstanceOf(BadMagicException.class);

    assertThat(client.isConnected()).isTrue();
    assertThat(submit("after")).isEqualTo("after from good-client");
  }

  @Test
  void oversizedFrameClosesOnlyTheConnectionItCameOn() throws Exception {
    try (RawPeer big = new RawPeer(server.port())) {
      big.read();
      big.sendRaw(ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE - 8).putInt(0).array());
      assertThat(big.awaitClosed()).isTrue();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !failures.isEmpty());
    assertThat(failures.get(0)).isInstanceOf(FrameTooLargeException.class);
    assertThat(submit("still-served")).isEqualTo("still-served from good-client");
  }
}
