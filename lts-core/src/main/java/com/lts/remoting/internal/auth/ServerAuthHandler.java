package com.lts.remoting.internal.auth;

import com.lts.core.cluster.Names;
import com.lts.remoting.AuthenticationException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.Peer;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.codec.FrameDecoder;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.HandshakeChallenge;
import com.lts.remoting.internal.command.HandshakeRequest;
import com.lts.remoting.internal.command.HandshakeResponse;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.tls.TlsChannelBinding;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server stage that lets nothing past it until the peer has finished the handshake: sends the
 * challenge on connect, checks the peer's proof of the cluster token (or, without a token, its
 * address), and answers with the server's own proof. Any other frame before that, a failed proof or
 * a handshake not finished in time closes the connection before any processor runs.
 */
public final class ServerAuthHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(ServerAuthHandler.class);

  private final AcceptedTokens tokens;
  private final ServerAddresses addresses;
  private final AddressFilter addressFilter;
  private final Duration timeout;
  private final Peer self;
  private final SecureRandom random;
  private final Consumer<RemotingChannel> onAuthenticated;

  private byte[] serverNonce;
  private HandshakeMac matched;
  private byte[] tlsBinding;
  private boolean authenticated;
  private ScheduledFuture<?> deadline;
  private ScheduledFuture<?> previousTokenExpiry;

  /**
   * @param tokens the tokens accepted, or null when no token is configured
   * @param addresses which addresses a client may have dialled to reach this server
   * @param addressFilter consulted only when {@code tokens} is null
   * @param onAuthenticated called on the network thread once the peer is known
   */
  public ServerAuthHandler(
      AcceptedTokens tokens,
      ServerAddresses addresses,
      AddressFilter addressFilter,
      Duration timeout,
      Peer self,
      SecureRandom random,
      Consumer<RemotingChannel> onAuthenticated) {
    this.tokens = tokens;
    this.addresses = addresses;
    this.addressFilter = addressFilter;
    this.timeout = timeout;
    this.self = self;
    this.random = random;
    this.onAuthenticated = onAuthenticated;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (tokens == null && !addressFilter.accepts(ctx.channel().remoteAddress())) {
      ctx.fireExceptionCaught(
          new AuthenticationException(
              "Refused "
                  + ctx.channel().remoteAddress()
                  + ": no lts.cluster.token is set, so only loopback peers are accepted. Set the"
                  + " same lts.cluster.token on every node to accept remote peers."));
      return;
    }
    serverNonce = HandshakeMac.newNonce(random);
    ctx.writeAndFlush(
        RemotingMessage.oneWay(
            CommandCode.HANDSHAKE_CHALLENGE,
            new HandshakeChallenge(HandshakeMac.encode(serverNonce), self.identity())));
    deadline =
        ctx.executor()
            .schedule(
                () -> {
                  if (!authenticated && ctx.channel().isActive()) {
                    ctx.fireExceptionCaught(
                        new AuthenticationException(
                            "Handshake not finished within " + timeout.toMillis() + " ms"));
                  }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (deadline != null) {
      deadline.cancel(false);
    }
    if (previousTokenExpiry != null) {
      previousTokenExpiry.cancel(false);
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof RemotingMessage message)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (serverNonce == null) {
      return; // refused at connect (address filter); the connection is closing
    }
    boolean handshake = message.command() == CommandCode.HANDSHAKE && message.isRequest();
    if (authenticated && !handshake) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (!handshake) {
      refuse(ctx, message, message.command() + " sent before the handshake finished");
      return;
    }
    if (authenticated) {
      refuse(ctx, message, "second handshake on an authenticated connection");
      return;
    }
    tlsBinding = TlsChannelBinding.of(ctx.pipeline(), true);
    String problem = check(ctx, (HandshakeRequest) message.body());
    if (problem != null) {
      refuse(ctx, message, problem);
      return;
    }
    accept(ctx, message, (HandshakeRequest) message.body());
  }

  /** What is wrong with {@code request}, or null when it proves what it must. */
  private String check(ChannelHandlerContext ctx, HandshakeRequest request) {
    if (request == null || request.getIdentity() == null || request.getIdentity().isBlank()) {
      return "handshake without an identity";
    }
    if (request.getNodeType() == null) {
      return "handshake without a node type";
    }
    // Names end up in logs, store rows and registry paths: the same rules as for this node's own.
    String badName = Names.problem("identity", request.getIdentity());
    if (badName == null && request.getNodeGroup() != null) {
      badName = Names.problem("nodeGroup", request.getNodeGroup());
    }
    if (badName != null) {
      return "handshake with a bad name: " + badName;
    }
    byte[] clientNonce = HandshakeMac.decode(request.getClientNonce());
    if (clientNonce == null || clientNonce.length != HandshakeMac.NONCE_BYTES) {
      return "handshake without a valid client nonce";
    }
    if (tokens == null) {
      return null;
    }
    byte[] proof = HandshakeMac.decode(request.getMac());
    if (proof == null) {
      return "peer "
          + request.getIdentity()
          + " did not prove the cluster token (no lts.cluster.token set on it?)";
    }
    String notUs = addresses.problem(request.getServerAddress(), ctx.channel().localAddress());
    if (notUs != null) {
      return "peer " + request.getIdentity() + ": " + notUs;
    }
    HandshakeMac.Binding binding = binding(request, clientNonce);
    for (HandshakeMac mac : tokens.now()) {
      if (HandshakeMac.matches(mac.client(binding), proof)) {
        matched = mac;
        if (tokens.isPrevious(mac)) {
          log.info(
              "Peer {} proved the previous cluster token (lts.cluster.token.previous, accepted"
                  + " until {}); give it the new lts.cluster.token",
              request.getIdentity(),
              tokens.previousUntil());
        }
        return null;
      }
    }
    return "peer "
        + request.getIdentity()
        + " proved a different cluster token (or answered another server's challenge)";
  }

  private HandshakeMac.Binding binding(HandshakeRequest request, byte[] clientNonce) {
    return new HandshakeMac.Binding(
        serverNonce,
        clientNonce,
        request.getIdentity(),
        self.identity(),
        request.getServerAddress(),
        tlsBinding);
  }

  private void accept(
      ChannelHandlerContext ctx, RemotingMessage message, HandshakeRequest request) {
    authenticated = true;
    deadline.cancel(false);
    if (tokens != null && tokens.isPrevious(matched)) {
      // Proved with the token being replaced: the connection ends when that token does.
      previousTokenExpiry =
          ctx.executor()
              .schedule(
                  () ->
                      ctx.fireExceptionCaught(
                          new AuthenticationException(
                              "Peer "
                                  + request.getIdentity()
                                  + " proved the previous cluster token, which expired at "
                                  + tokens.previousUntil()
                                  + " (lts.cluster.token.previous.ttl); it must reconnect with"
                                  + " lts.cluster.token")),
                  tokens.millisUntilPreviousExpires(),
                  TimeUnit.MILLISECONDS);
    }
    FrameDecoder frames = ctx.pipeline().get(FrameDecoder.class);
    if (frames != null) {
      frames.authenticated();
    }
    RemotingChannel channel = RemotingChannel.of(ctx.channel());
    channel.authenticated(
        new Peer(request.getIdentity(), request.getNodeType(), request.getNodeGroup()));
    HandshakeResponse response = new HandshakeResponse();
    response.setIdentity(self.identity());
    response.setNodeType(self.nodeType());
    response.setNodeGroup(self.nodeGroup());
    if (matched != null) {
      byte[] clientNonce = HandshakeMac.decode(request.getClientNonce());
      response.setMac(HandshakeMac.encode(matched.server(binding(request, clientNonce))));
    }
    ctx.writeAndFlush(RemotingMessage.response(message, response));
    onAuthenticated.accept(channel);
  }

  private static void refuse(ChannelHandlerContext ctx, RemotingMessage message, String reason) {
    AuthenticationException failure =
        new AuthenticationException("Refused " + ctx.channel().remoteAddress() + ": " + reason);
    if (message.isRequest()) {
      ctx.writeAndFlush(RemotingMessage.error(message, ResponseStatus.UNAUTHENTICATED, reason))
          .addListener((ChannelFutureListener) f -> ctx.fireExceptionCaught(failure));
    } else {
      ctx.fireExceptionCaught(failure);
    }
  }
}
