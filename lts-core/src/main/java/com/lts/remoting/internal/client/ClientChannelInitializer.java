package com.lts.remoting.internal.client;

import com.lts.remoting.internal.Dispatcher;
import com.lts.remoting.internal.Endpoint;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.auth.ClientAuthHandler;
import com.lts.remoting.internal.auth.HandshakeMac;
import com.lts.remoting.internal.auth.ServerAddresses;
import com.lts.remoting.internal.codec.FrameDecoder;
import com.lts.remoting.internal.codec.MessageDecoder;
import com.lts.remoting.internal.codec.MessageEncoder;
import com.lts.remoting.internal.errors.ErrorHandler;
import com.lts.remoting.internal.heartbeat.HeartbeatResponder;
import com.lts.remoting.internal.heartbeat.HeartbeatSender;
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

/** Builds the pipeline of a client connection, one small stage per concern. */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

  private final ClientSettings settings;
  private final Endpoint endpoint;
  private final HandshakeMac mac;
  private final SecureRandom random = new SecureRandom();
  private final Dispatcher dispatcher;
  private final HeartbeatResponder heartbeats = new HeartbeatResponder(false);
  private final ErrorHandler errors;
  private final SslContext tls;

  ClientChannelInitializer(ClientSettings settings, Endpoint endpoint) {
    this.settings = settings;
    this.endpoint = endpoint;
    this.mac = settings.token() == null ? null : new HandshakeMac(settings.token());
    this.dispatcher = new Dispatcher(endpoint.processors(), settings.events());
    this.errors = new ErrorHandler(endpoint.failureListeners());
    this.tls = settings.tls().enabled() ? TlsContexts.client(settings.tls()) : null;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    RemotingChannel.attach(ch, endpoint);
    ChannelPipeline p = ch.pipeline();
    if (tls != null) {
      SslHandler ssl = tls.newHandler(ch.alloc(), settings.host(), settings.port());
      ssl.setHandshakeTimeoutMillis(settings.connectTimeout().toMillis());
      p.addLast("tls", ssl);
      p.addLast("tlsFailures", TlsFailureReporter.INSTANCE);
    }
    p.addLast("frameDecoder", new FrameDecoder(settings.maxFrameBytes()));
    p.addLast("messageDecoder", new MessageDecoder());
    p.addLast("messageEncoder", new MessageEncoder(settings.maxFrameBytes()));
    p.addLast(
        "idleState",
        new IdleStateHandler(
            settings.heartbeatInterval().toMillis(),
            settings.heartbeatInterval().toMillis(),
            0,
            TimeUnit.MILLISECONDS));
    p.addLast("heartbeatSender", new HeartbeatSender(settings.heartbeatInterval().toMillis()));
    p.addLast("writeStallGuard", new WriteStallGuard(settings.writeStallTimeout()));
    p.addLast(
        "auth",
        new ClientAuthHandler(
            mac,
            settings.self(),
            ServerAddresses.format(settings.host(), settings.port()),
            random));
    p.addLast("heartbeat", heartbeats);
    p.addLast("dispatcher", dispatcher);
    p.addLast("errors", errors);
  }
}
