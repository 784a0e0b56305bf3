package com.lts.remoting.internal.server;

import com.lts.remoting.RemotingException;
import com.lts.remoting.internal.ChannelFailureListener;
import com.lts.remoting.internal.ConnectionListener;
import com.lts.remoting.internal.Endpoint;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.command.Command;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections from other nodes (the JobTracker's server). Each connection must finish the
 * handshake before any processor sees a request from it; after that the server can also call the
 * peer over the same connection ({@link #channels()}).
 */
public final class RemotingServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RemotingServer.class);

  private final ServerSettings settings;
  private final Endpoint endpoint;
  private final Set<RemotingChannel> channels = ConcurrentHashMap.newKeySet();
  private EventLoopGroup bossGroup;
  private EventLoopGroup workerGroup;
  private volatile Channel serverChannel;
  private boolean closed;

  public RemotingServer(ServerSettings settings) {
    this.settings = settings;
    this.endpoint =
        new Endpoint(
            "server",
            settings.processorThreads(),
            settings.processorQueueCapacity(),
            settings.requestTimeout());
  }

  /** Registers the processor of {@code command}, run on the default processor executor. */
  public <Q, R> void registerProcessor(Command<Q, R> command, RequestProcessor<Q, R> processor) {
    endpoint.processors().register(command, processor);
  }

  /** Registers the processor of {@code command}, run on {@code executor}. */
  public <Q, R> void registerProcessor(
      Command<Q, R> command, RequestProcessor<Q, R> processor, Executor executor) {
    endpoint.processors().register(command, processor, executor);
  }

  public void addConnectionListener(ConnectionListener listener) {
    endpoint.addConnectionListener(listener);
  }

  public void addChannelFailureListener(ChannelFailureListener listener) {
    endpoint.addFailureListener(listener);
  }

  /**
   * Starts listening.
   *
   * @throws RemotingException when the address cannot be bound, e.g. the port is taken
   */
  public synchronized void start() {
    if (serverChannel != null || closed) {
      throw new IllegalStateException(closed ? "Server is closed" : "Server already started");
    }
    if (settings.token() == null) {
      log.warn(
          "No lts.cluster.token is set: this server accepts {} only. Set the same"
              + " lts.cluster.token on every node to accept remote peers.",
          settings.addressFilter() == com.lts.remoting.internal.auth.AddressFilter.LOOPBACK_ONLY
              ? "loopback peers"
              : "peers allowed by its address filter");
    }
    // Built first: it reads the TLS files, and a mistake there must fail start() with nothing
    // left running.
    ServerChannelInitializer initializer =
        new ServerChannelInitializer(settings, endpoint, this::onAuthenticated);
    bossGroup =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("lts-server-boss", true), NioIoHandler.newFactory());
    workerGroup =
        new MultiThreadIoEventLoopGroup(
            0, new DefaultThreadFactory("lts-server-io", true), NioIoHandler.newFactory());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(
                    settings.writeBufferHighWaterMark() / 2, settings.writeBufferHighWaterMark()))
            .childHandler(initializer);
    InetSocketAddress address =
        settings.bindAddress() == null
            ? new InetSocketAddress(settings.port())
            : new InetSocketAddress(settings.bindAddress(), settings.port());
    ChannelFuture bind = bootstrap.bind(address).awaitUninterruptibly();
    if (!bind.isSuccess()) {
      shutdownGroups();
      throw new RemotingException(
          "Cannot listen on "
              + address
              + ": "
              + bind.cause()
              + ". Choose a free listenPort or bind address.",
          bind.cause());
    }
    serverChannel = bind.channel();
    log.info("{} listening on {}", settings.self().identity(), serverChannel.localAddress());
  }

  /** The port listened on; useful after starting on port 0. */
  public int port() {
    Channel channel = serverChannel;
    if (channel == null) {
      throw new IllegalStateException("Server not started");
    }
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The connections that finished their handshake and are still open. */
  public List<RemotingChannel> channels() {
    return List.copyOf(channels);
  }

  /** An open connection of the peer with {@code identity}, if any. */
  public Optional<RemotingChannel> channel(String identity) {
    return channels.stream()
        .filter(c -> c.isActive() && identity.equals(c.peer().identity()))
        .findFirst();
  }

  private void onAuthenticated(RemotingChannel channel) {
    channels.add(channel);
    endpoint.fireConnected(channel);
    channel
        .nettyChannel()
        .closeFuture()
        .addListener(
            f -> {
              channels.remove(channel);
              endpoint.fireDisconnected(channel);
            });
  }

  /** Stops listening, closes every connection and releases the threads. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Channel channel = serverChannel;
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
    for (RemotingChannel c : channels) {
      c.close();
    }
    shutdownGroups();
    endpoint.close();
  }

  private void shutdownGroups() {
    if (bossGroup != null) {
      bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
    if (workerGroup != null) {
      workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
  }
}
