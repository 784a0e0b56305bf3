package com.lts.remoting.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.domain.Response;
import com.lts.core.store.MutableClock;
import com.lts.remoting.AuthenticationException;
import com.lts.remoting.Loopback;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.server.RemotingServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rotating the cluster token without downtime: JobTrackers first take the new token and keep the
 * old one as previous, then the other nodes move to the new one, and the old one stops working
 * after its time.
 */
class TokenRotationTest {

  private static final String OLD = "old-cluster-token";
  private static final String NEW = "new-cluster-token";

  private final MutableClock clock = new MutableClock(1_000_000L);
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private RemotingServer server(String previous) {
    RemotingServer server =
        new RemotingServer(
            Loopback.serverSettings(NEW)
                .previousToken(previous, Duration.ofHours(1))
                .clock(clock)
                .build());
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) -> Response.success("OK", channel.peer().identity()));
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

  private static String submit(RemotingClient client) {
    return client
        .invokeSync(Command.SUBMIT_JOB, new JobSubmitRequest(List.of(SampleBodies.job("t"))))
        .getMsg();
  }

  @Test
  void oldAndNewTokenAreBothAcceptedUntilThePreviousOneExpires() {
    RemotingServer server = server(OLD);

    RemotingClient notYetMoved = client("tt-old", OLD, server.port());
    notYetMoved.awaitConnected(Duration.ofSeconds(5));
    assertThat(submit(notYetMoved)).isEqualTo("tt-old");
    RemotingClient moved = client("tt-new", NEW, server.port());
    moved.awaitConnected(Duration.ofSeconds(5));
    assertThat(submit(moved)).isEqualTo("tt-new");

    clock.advance(Duration.ofHours(1).toMillis());

    RemotingClient late = client("tt-late", OLD, server.port());
    assertThatThrownBy(() -> late.awaitConnected(Duration.ofSeconds(5)))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("different cluster token");
    RemotingClient newAgain = client("tt-new-2", NEW, server.port());
    newAgain.awaitConnected(Duration.ofSeconds(5));
    assertThat(submit(newAgain)).isEqualTo("tt-new-2");
  }

  @Test
  void aConnectionMadeWithThePreviousTokenEndsWhenTheTokenDoes() {
    RemotingServer server =
        new RemotingServer(
            Loopback.serverSettings(NEW).previousToken(OLD, Duration.ofMillis(300)).build());
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) -> Response.success("OK", channel.peer().identity()));
    server.start();
    toClose.add(server);
    RemotingClient old = client("tt-old", OLD, server.port());
    RemotingClient moved = client("tt-new", NEW, server.port());
    moved.awaitConnected(Duration.ofSeconds(5));

    // Connected in time (or, on a slow machine, already refused): either way it ends refused.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> old.lastFailure() instanceof AuthenticationException);
    assertThat(old.isConnected()).isFalse();
    assertThat(submit(moved)).isEqualTo("tt-new");
  }

  @Test
  void withoutAPreviousTokenTheOldOneIsRefused() {
    RemotingServer server = server(null);

    RemotingClient old = client("tt-old", OLD, server.port());

    assertThatThrownBy(() -> old.awaitConnected(Duration.ofSeconds(5)))
        .isInstanceOf(AuthenticationException.class);
  }
}
