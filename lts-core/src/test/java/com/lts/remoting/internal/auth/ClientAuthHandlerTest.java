package com.lts.remoting.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lts.core.cluster.NodeType;
import com.lts.remoting.AuthenticationException;
import com.lts.remoting.internal.Endpoint;
import com.lts.remoting.internal.Peer;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.HandshakeChallenge;
import com.lts.remoting.internal.command.HandshakeRequest;
import com.lts.remoting.internal.command.HandshakeResponse;
import com.lts.remoting.internal.errors.ChannelFailures;
import com.lts.remoting.internal.errors.ErrorHandler;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.channel.embedded.EmbeddedChannel;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client side of the handshake against a scripted server. */
class ClientAuthHandlerTest {

  private static final String TOKEN = "the-token";
  private final SecureRandom random = new SecureRandom();
  private static final String ADDRESS = "10.0.0.5:35001";

  private final Endpoint endpoint = new Endpoint("test", 1, 1, Duration.ofSeconds(1));

  @AfterEach
  void close() {
    endpoint.close();
  }

  private EmbeddedChannel channel(ClientAuthHandler handler) {
    EmbeddedChannel channel = new EmbeddedChannel();
    RemotingChannel.attach(channel, endpoint);
    channel.pipeline().addLast(handler, new ErrorHandler(List.of()));
    return channel;
  }

  /** Plays the server: sends a challenge, returns the nonce and the client's answer. */
  private static HandshakeRequest challenge(EmbeddedChannel channel, byte[] serverNonce) {
    channel.writeInbound(
        RemotingMessage.oneWay(
            CommandCode.HANDSHAKE_CHALLENGE,
            new HandshakeChallenge(HandshakeMac.encode(serverNonce), "jt-1")));
    RemotingMessage request = channel.readOutbound();
    assertThat(request.command()).isEqualTo(CommandCode.HANDSHAKE);
    return (HandshakeRequest) request.body();
  }

  private static HandshakeMac.Binding binding(HandshakeRequest request, byte[] serverNonce) {
    return new HandshakeMac.Binding(
        serverNonce,
        HandshakeMac.decode(request.getClientNonce()),
        request.getIdentity(),
        "jt-1",
        request.getServerAddress());
  }

  private static RemotingMessage answer(
      HandshakeRequest request, byte[] serverNonce, String token) {
    HandshakeResponse response = new HandshakeResponse();
    response.setIdentity("jt-1");
    response.setNodeType(NodeType.JOB_TRACKER);
    response.setNodeGroup("jt");
    response.setMac(
        HandshakeMac.encode(new HandshakeMac(token).server(binding(request, serverNonce))));
    return RemotingMessage.response(
        RemotingMessage.request(CommandCode.HANDSHAKE, 0L, request), response);
  }

  @Test
  void serverProvingTheSameTokenIsAccepted() throws Exception {
    ClientAuthHandler handler =
        new ClientAuthHandler(
            new HandshakeMac(TOKEN),
            new Peer("tt-1", NodeType.TASK_TRACKER, "tt"),
            ADDRESS,
            random);
    EmbeddedChannel channel = channel(handler);
    byte[] serverNonce = HandshakeMac.newNonce(random);
    HandshakeRequest request = challenge(channel, serverNonce);

    byte[] expectedMac = new HandshakeMac(TOKEN).client(binding(request, serverNonce));
    assertThat(request.getServerAddress()).isEqualTo(ADDRESS);
    assertThat(HandshakeMac.decode(request.getMac())).isEqualTo(expectedMac);

    channel.writeInbound(answer(request, serverNonce, TOKEN));

    assertThat(handler.handshake().get().identity()).isEqualTo("jt-1");
    assertThat(RemotingChannel.of(channel).peer().nodeType()).isEqualTo(NodeType.JOB_TRACKER);
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void serverProvingAnotherTokenIsRefused() {
    ClientAuthHandler handler =
        new ClientAuthHandler(
            new HandshakeMac(TOKEN),
            new Peer("tt-1", NodeType.TASK_TRACKER, "tt"),
            ADDRESS,
            random);
    EmbeddedChannel channel = channel(handler);
    byte[] serverNonce = HandshakeMac.newNonce(random);
    HandshakeRequest request = challenge(channel, serverNonce);

    channel.writeInbound(answer(request, serverNonce, "impostor-token"));

    assertThat(handler.handshake())
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .withCauseInstanceOf(AuthenticationException.class)
        .withMessageContaining("proved a different cluster token");
    assertThat(channel.isOpen()).isFalse();
    assertThat(ChannelFailures.of(channel)).isInstanceOf(AuthenticationException.class);
    assertThat(RemotingChannel.of(channel).isAuthenticated()).isFalse();
  }

  @Test
  void replayingTheClientsOwnProofAsTheServersIsRefused() {
    ClientAuthHandler handler =
        new ClientAuthHandler(
            new HandshakeMac(TOKEN),
            new Peer("jt-1", NodeType.TASK_TRACKER, "tt"),
            ADDRESS,
            random);
    EmbeddedChannel channel = channel(handler);
    byte[] serverNonce = HandshakeMac.newNonce(random);
    HandshakeRequest request = challenge(channel, serverNonce);
    RemotingMessage reflected = answer(request, serverNonce, TOKEN);
    ((HandshakeResponse) reflected.body()).setMac(request.getMac());

    channel.writeInbound(reflected);

    assertThat(handler.handshake()).isCompletedExceptionally();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void frameOtherThanTheChallengeFirstIsRefused() {
    ClientAuthHandler handler =
        new ClientAuthHandler(null, new Peer("tt-1", NodeType.TASK_TRACKER, "tt"), ADDRESS, random);
    EmbeddedChannel channel = channel(handler);

    channel.writeInbound(
        RemotingMessage.oneWay(
            CommandCode.HEART_BEAT, new com.lts.remoting.internal.command.HeartBeatRequest(1L)));

    assertThat(handler.handshake()).isCompletedExceptionally();
    assertThat(channel.isOpen()).isFalse();
  }
}
