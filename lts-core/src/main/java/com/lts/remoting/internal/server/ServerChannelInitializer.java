package com.lts.remoting.internal.server;

import com.lts.remoting.internal.Dispatcher;
import com.lts.remoting.internal.Endpoint;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.auth.AcceptedTokens;
import com.lts.remoting.internal.auth.ServerAddresses;
import com.lts.remoting.internal.auth.ServerAuthHandler;
import com.lts.remoting.internal.codec.FrameDecoder;
import com.lts.remoting.internal.codec.MessageDecoder;
import com.lts.remoting.internal.codec.MessageEncoder;
import com.lts.remoting.internal.errors.ErrorHandler;
import com.lts.remoting.internal.heartbeat.HeartbeatResponder;
import com.lts.remoting.internal.heartbeat.IdleConnectionCloser;
import com.lts.remoting.internal.limits.ConnectionLimiter;
import com.lts.remoting.internal.limits.WriteStallGuard;
import com.lts.remoting.internal.tls.TlsContexts;
import com.lts.remoting.internal.tls.TlsFailureReporter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Builds the pipeline of each accepted connection, one small stage per concern. */
final class ServerChannelInitializer extends ChannelInitializer<SocketChannel> {

  private final ServerSettings settings;
  private final Endpoint endpoint;
  private final AcceptedTokens tokens;
  private final ServerAddresses addresses;
  private final SecureRandom random = new SecureRandom();
  private final Consumer<RemotingChannel> onAuthenticated;
  private final Dispatcher dispatcher;
  private final HeartbeatResponder heartbeats = new HeartbeatResponder(true);
  private final ErrorHandler errors;
  private final ConnectionLimiter limiter;
  private final SslContext tls;

  ServerChannelInitializer(
      ServerSettings settings, Endpoint endpoint, Consumer<RemotingChannel> onAuthenticated) {
    this.settings = settings;
    this.endpoint = endpoint;
    this.tokens =
        settings.token() == null
            ? null
            : new AcceptedTokens(
                settings.token(),
                settings.previousToken(),
                settings.previousTokenUntil(),
                settings.clock());
    this.addresses = settings.serverAddresses();
    this.onAuthenticated = onAuthenticated;
    this.dispatcher = new Dispatcher(endpoint.processors(), settings.events());
    this.errors = new ErrorHandler(endpoint.failureListeners());
    this.limiter =
        new ConnectionLimiter(settings.maxConnections(), settings.maxConnectionsPerAddress());
    this.tls = settings.tls().enabled() ? TlsContexts.server(settings.tls()) : null;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    RemotingChannel.attach(ch, endpoint);
    ChannelPipeline p = ch.pipeline();
    p.addLast("connectionLimiter", limiter);
    if (tls != null) {
      SslHandler ssl = tls.newHandler(ch.alloc());
      ssl.setHandshakeTimeoutMillis(settings.handshakeTimeout().toMillis());
      p.addLast("tls", ssl);
      p.addLast("tlsFailures", TlsFailureReporter.INSTANCE);
    }
    p.addLast("frameDecoder", new FrameDecoder(settings.maxFrameBytes()));
    p.addLast("messageDecoder", new MessageDecoder());
    p.addLast("messageEncoder", new MessageEncoder(settings.maxFrameBytes()));
    p.addLast(
        "idleState",
        new IdleStateHandler(settings.idleLimit().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    p.addLast("idleCloser", new IdleConnectionCloser(settings.idleLimit()));
    p.addLast("writeStallGuard", new WriteStallGuard(settings.writeStallTimeout()));
    p.addLast(
        "auth",
        new ServerAuthHandler(
            tokens,
            addresses,
            settings.addressFilter(),
            settings.handshakeTimeout(),
            settings.self(),
            random,
            onAuthenticated));
    p.addLast("heartbeat", heartbeats);
    p.addLast("dispatcher", dispatcher);
    p.addLast("errors", errors);
  }
}
