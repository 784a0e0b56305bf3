package com.lts.remoting.internal.auth;

import com.lts.remoting.AuthenticationException;
import com.lts.remoting.RemotingConnectException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.Peer;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.codec.FrameDecoder;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.ErrorBody;
import com.lts.remoting.internal.command.HandshakeChallenge;
import com.lts.remoting.internal.command.HandshakeRequest;
import com.lts.remoting.internal.command.HandshakeResponse;
import com.lts.remoting.internal.errors.ChannelFailures;
import com.lts.remoting.internal.protocol.FrameKind;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.tls.TlsChannelBinding;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;

/**
 * Client stage that answers the server's challenge with this node's identity and proof of the
 * token, then checks the server's proof in return. Until both hold, nothing passes it; {@link
 * #handshake()} completes (on the network thread) with the server as a {@link Peer} or fails.
 */
public final class ClientAuthHandler extends ChannelInboundHandlerAdapter {

  private static final long HANDSHAKE_REQUEST_ID = 0;

  private final HandshakeMac mac;
  private final Peer self;
  private final String serverAddress;
  private final SecureRandom random;
  private final CompletableFuture<Peer> handshake = new CompletableFuture<>();

  private byte[] serverNonce;
  private byte[] clientNonce;
  private String serverIdentity;
  private byte[] tlsBinding;

  /**
   * @param mac the token's MAC, or null when this node has no token
   * @param serverAddress the address dialled, {@link ServerAddresses#format(String, int)}
   */
  public ClientAuthHandler(HandshakeMac mac, Peer self, String serverAddress, SecureRandom random) {
    this.mac = mac;
    this.self = self;
    this.serverAddress = serverAddress;
    this.random = random;
  }

  /** Completes with the server once the handshake succeeded; fails if it cannot. */
  public CompletableFuture<Peer> handshake() {
    return handshake;
  }

  /** Fails the handshake with {@code failure} and closes the connection. */
  public void fail(ChannelHandlerContext ctx, Throwable failure) {
    handshake.completeExceptionally(failure);
    ctx.fireExceptionCaught(failure);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (handshake.isDone() || !(msg instanceof RemotingMessage message)) {
      if (handshake.isCompletedExceptionally()) {
        return;
      }
      ctx.fireChannelRead(msg);
      return;
    }
    if (message.command() == CommandCode.HANDSHAKE_CHALLENGE
        && message.kind() == FrameKind.ONE_WAY
        && serverNonce == null) {
      answer(ctx, (HandshakeChallenge) message.body());
    } else if (message.command() == CommandCode.HANDSHAKE
        && message.isResponse()
        && message.status() == ResponseStatus.SYSTEM_BUSY) {
      // Refused before the handshake (too many connections): worth another try later.
      String reason =
          message.body() instanceof ErrorBody error ? error.getMessage() : "server busy";
      fail(
          ctx,
          new RemotingConnectException(
              "Server " + ctx.channel().remoteAddress() + " refused the connection: " + reason));
    } else if (message.command() == CommandCode.HANDSHAKE
        && message.isResponse()
        && clientNonce != null) {
      verify(ctx, message);
    } else {
      fail(
          ctx,
          new AuthenticationException(
              "Server "
                  + ctx.channel().remoteAddress()
                  + " sent "
                  + message
                  + " during the handshake"));
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!handshake.isDone()) {
      Throwable recorded = ChannelFailures.of(ctx.channel());
      if (recorded instanceof SSLException tls) {
        // A certificate not trusted, a plain server, no client certificate for mutual TLS: a
        // configuration mismatch another attempt will not fix.
        recorded =
            new AuthenticationException(
                "TLS handshake with "
                    + ctx.channel().remoteAddress()
                    + " failed: "
                    + tls.getMessage()
                    + ". Check lts.remoting.tls.* on both nodes (same setting of"
                    + " lts.remoting.tls.enabled, the server's CA in lts.remoting.tls.trust, a"
                    + " client certificate where the server asks for one).",
                tls);
      }
      handshake.completeExceptionally(
          recorded != null
              ? recorded
              : new RemotingConnectException(
                  "Server "
                      + ctx.channel().remoteAddress()
                      + " closed the connection during the handshake"));
    }
    ctx.fireChannelInactive();
  }

  private void answer(ChannelHandlerContext ctx, HandshakeChallenge challenge) {
    byte[] nonce = challenge == null ? null : HandshakeMac.decode(challenge.getServerNonce());
    if (nonce == null || nonce.length != HandshakeMac.NONCE_BYTES) {
      fail(ctx, new AuthenticationException("Server sent a challenge without a valid nonce"));
      return;
    }
    serverNonce = nonce;
    serverIdentity = challenge.getIdentity();
    tlsBinding = TlsChannelBinding.of(ctx.pipeline(), false);
    clientNonce = HandshakeMac.newNonce(random);
    HandshakeRequest request = new HandshakeRequest();
    request.setIdentity(self.identity());
    request.setNodeType(self.nodeType());
    request.setNodeGroup(self.nodeGroup());
    request.setClientNonce(HandshakeMac.encode(clientNonce));
    request.setServerAddress(serverAddress);
    if (mac != null) {
      request.setMac(HandshakeMac.encode(mac.client(binding(serverIdentity))));
    }
    ctx.writeAndFlush(
        RemotingMessage.request(CommandCode.HANDSHAKE, HANDSHAKE_REQUEST_ID, request));
  }

  private HandshakeMac.Binding binding(String server) {
    return new HandshakeMac.Binding(
        serverNonce, clientNonce, self.identity(), server, serverAddress, tlsBinding);
  }

  private void verify(ChannelHandlerContext ctx, RemotingMessage message) {
    String server = String.valueOf(ctx.channel().remoteAddress());
    if (message.status() != ResponseStatus.SUCCESS) {
      String reason =
          message.body() instanceof ErrorBody error ? error.getMessage() : message.status().name();
      fail(
          ctx,
          new AuthenticationException("Server " + server + " refused the handshake: " + reason));
      return;
    }
    HandshakeResponse response = (HandshakeResponse) message.body();
    if (response == null || response.getIdentity() == null || response.getNodeType() == null) {
      fail(ctx, new AuthenticationException("Server " + server + " did not say who it is"));
      return;
    }
    if (mac != null) {
      byte[] proof = HandshakeMac.decode(response.getMac());
      if (proof == null) {
        fail(
            ctx,
            new AuthenticationException(
                "Server "
                    + response.getIdentity()
                    + " at "
                    + server
                    + " did not prove the cluster token (no lts.cluster.token set on it?)"));
        return;
      }
      if (serverIdentity != null && !serverIdentity.equals(response.getIdentity())) {
        fail(
            ctx,
            new AuthenticationException(
                "Server at "
                    + server
                    + " challenged as "
                    + serverIdentity
                    + " but answered as "
                    + response.getIdentity()));
        return;
      }
      byte[] expected = mac.server(binding(response.getIdentity()));
      if (!HandshakeMac.matches(expected, proof)) {
        fail(
            ctx,
            new AuthenticationException(
                "Server "
                    + response.getIdentity()
                    + " at "
                    + server
                    + " proved a different cluster token"));
        return;
      }
    }
    Peer peer = new Peer(response.getIdentity(), response.getNodeType(), response.getNodeGroup());
    FrameDecoder frames = ctx.pipeline().get(FrameDecoder.class);
    if (frames != null) {
      frames.authenticated();
    }
    RemotingChannel.of(ctx.channel()).authenticated(peer);
    handshake.complete(peer);
  }
}
