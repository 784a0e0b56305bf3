package com.lts.remoting.internal.client;

import com.lts.core.internal.background.Background;
import com.lts.remoting.AuthenticationException;
import com.lts.remoting.NotConnectedException;
import com.lts.remoting.RemotingConnectException;
import com.lts.remoting.internal.ChannelFailureListener;
import com.lts.remoting.internal.ConnectionListener;
import com.lts.remoting.internal.Endpoint;
import com.lts.remoting.internal.Peer;
import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.RequestProcessor;
import com.lts.remoting.internal.auth.ClientAuthHandler;
import com.lts.remoting.internal.command.Command;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one connection to one server (a JobTracker): connects, finishes the handshake, and after
 * the connection drops reconnects with a doubling back-off until closed. Calls while disconnected
 * fail at once with {@link NotConnectedException}; connection listeners hear about every change, so
 * a caller can move to another server.
 */
public final class RemotingClient implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RemotingClient.class);

  private final ClientSettings settings;
  private final Endpoint endpoint;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final Object stateLock = new Object();

  private volatile RemotingChannel current;
  private volatile Throwable lastFailure;
  private volatile boolean started;
  private volatile boolean closed;
  private int failedAttempts;
  private final Background background;

  public RemotingClient(ClientSettings settings) {
    this.settings = settings;
    this.background = new Background(settings.events(), RemotingClient.class);
    this.endpoint =
        new Endpoint(
            "client",
            settings.processorThreads(),
            settings.processorQueueCapacity(),
            settings.requestTimeout());
    this.group =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("lts-client-io", true), NioIoHandler.newFactory());
    this.bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(
                    settings.writeBufferHighWaterMark() / 2, settings.writeBufferHighWaterMark()))
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
            .handler(new ClientChannelInitializer(settings, endpoint));
  }

  /** Registers the processor of a command the server sends (e.g. PUSH_JOB, JOB_FEEDBACK). */
  public <Q, R> void registerProcessor(Command<Q, R> command, RequestProcessor<Q, R> processor) {
    endpoint.processors().register(command, processor);
  }

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

  /** Starts connecting in the background; see {@link #awaitConnected(Duration)}. */
  public void start() {
    synchronized (stateLock) {
      if (started || closed) {
        throw new IllegalStateException(closed ? "Client is closed" : "Client already started");
      }
      started = true;
    }
    connect();
  }

  /**
   * Waits until the client is connected. Attempts go on in the background either way.
   *
   * @throws AuthenticationException as soon as an attempt fails its handshake
   * @throws RemotingConnectException when not connected within {@code timeout}
   */
  public RemotingChannel awaitConnected(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (stateLock) {
      while (true) {
        RemotingChannel channel = current;
        if (channel != null) {
          return channel;
        }
        if (lastFailure instanceof AuthenticationException) {
          break; // another attempt will not fix a token mismatch; say so now
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          break;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(stateLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RemotingConnectException("Interrupted while waiting for " + address(), e);
        }
      }
    }
    Throwable failure = lastFailure;
    if (failure instanceof AuthenticationException auth) {
      throw auth;
    }
    throw new RemotingConnectException(
        "Not connected to " + address() + " within " + timeout.toMillis() + " ms", failure);
  }

  public boolean isConnected() {
    RemotingChannel channel = current;
    return channel != null && channel.isActive();
  }

  /** The current connection, if connected. */
  public Optional<RemotingChannel> channel() {
    return Optional.ofNullable(current).filter(RemotingChannel::isActive);
  }

  /** Why the last connection attempt failed, or null after a success. */
  public Throwable lastFailure() {
    return lastFailure;
  }

  /** See {@link RemotingChannel#invokeSync(Command, Object)}. */
  public <Q, R> R invokeSync(Command<Q, R> command, Q request) {
    return connected(command).invokeSync(command, request);
  }

  public <Q, R> R invokeSync(Command<Q, R> command, Q request, Duration timeout) {
    return connected(command).invokeSync(command, request, timeout);
  }

  /** See {@link RemotingChannel#invokeAsync(Command, Object)}; fails at once when disconnected. */
  public <Q, R> CompletableFuture<R> invokeAsync(Command<Q, R> command, Q request) {
    return invokeAsync(command, request, settings.requestTimeout());
  }

  public <Q, R> CompletableFuture<R> invokeAsync(
      Command<Q, R> command, Q request, Duration timeout) {
    RemotingChannel channel;
    try {
      channel = connected(command);
    } catch (NotConnectedException e) {
      return CompletableFuture.failedFuture(e);
    }
    return channel.invokeAsync(command, request, timeout);
  }

  /** See {@link RemotingChannel#invokeOneWay(Command, Object)}; fails at once when disconnected. */
  public <Q> CompletableFuture<Void> invokeOneWay(Command<Q, ?> command, Q message) {
    RemotingChannel channel;
    try {
      channel = connected(command);
    } catch (NotConnectedException e) {
      return CompletableFuture.failedFuture(e);
    }
    return channel.invokeOneWay(command, message);
  }

  /** Closes the connection and stops reconnecting; waiting calls fail. */
  @Override
  public void close() {
    synchronized (stateLock) {
      if (closed) {
        return;
      }
      closed = true;
      stateLock.notifyAll();
    }
    RemotingChannel channel = current;
    if (channel != null) {
      channel.nettyChannel().close().awaitUninterruptibly();
    }
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    endpoint.close();
  }

  private RemotingChannel connected(Command<?, ?> command) {
    RemotingChannel channel = current;
    if (channel == null || !channel.isActive()) {
      Throwable failure = lastFailure;
      throw new NotConnectedException(
          "Cannot send "
              + command
              + ": not connected to "
              + address()
              + (closed ? " (client closed)" : "")
              + (failure == null ? "" : "; last attempt: " + failure.getMessage()),
          failure);
    }
    return channel;
  }

  private void connect() {
    if (closed) {
      return;
    }
    ChannelFuture connecting;
    try {
      connecting = bootstrap.connect(settings.host(), settings.port());
    } catch (RejectedExecutionException e) {
      return; // closing
    }
    connecting.addListener(
        (ChannelFuture f) -> {
          if (!f.isSuccess()) {
            attemptFailed(
                new RemotingConnectException(
                    "Cannot connect to " + address() + ": " + f.cause(), f.cause()));
            return;
          }
          awaitHandshake(f.channel());
        });
  }

  private void awaitHandshake(Channel channel) {
    ClientAuthHandler auth = channel.pipeline().get(ClientAuthHandler.class);
    long timeoutMillis = settings.connectTimeout().toMillis();
    channel
        .eventLoop()
        .schedule(
            () -> {
              if (!auth.handshake().isDone()) {
                auth.fail(
                    channel.pipeline().context(auth),
                    new RemotingConnectException(
                        "Handshake with "
                            + address()
                            + " not finished within "
                            + timeoutMillis
                            + " ms"));
              }
            },
            timeoutMillis,
            TimeUnit.MILLISECONDS);
    auth.handshake()
        .whenCompleteAsync(
            (peer, failure) -> {
              if (failure != null) {
                channel.close();
                attemptFailed(failure);
              } else {
                connected(channel, peer);
              }
            },
            endpoint.callbackExecutor());
  }

  private void connected(Channel channel, Peer server) {
    RemotingChannel remoting = RemotingChannel.of(channel);
    synchronized (stateLock) {
      if (closed) {
        channel.close();
        return;
      }
      current = remoting;
      lastFailure = null;
      failedAttempts = 0;
      stateLock.notifyAll();
    }
    log.info("Connected to {} ({})", server.identity(), channel.remoteAddress());
    background.succeeded(connectTask());
    endpoint.fireConnected(remoting);
    channel.closeFuture().addListener(f -> disconnected(remoting));
  }

  private void disconnected(RemotingChannel remoting) {
    synchronized (stateLock) {
      if (current != remoting) {
        return;
      }
      current = null;
    }
    log.info("Disconnected from {}", address());
    endpoint.fireDisconnected(remoting);
    scheduleReconnect();
  }

  private void attemptFailed(Throwable failure) {
    synchronized (stateLock) {
      lastFailure = failure;
      stateLock.notifyAll();
    }
    if (!closed) {
      background.failed(connectTask(), failure);
    }
    scheduleReconnect();
  }

  private String connectTask() {
    return "Connecting to " + address();
  }

  private void scheduleReconnect() {
    long delay;
    synchronized (stateLock) {
      if (closed) {
        return;
      }
      delay = backoffMillis(failedAttempts);
      failedAttempts++;
    }
    try {
      group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.debug("Not reconnecting to {}: client is closing", address());
    }
  }

  private long backoffMillis(int attempt) {
    long initial = settings.reconnectInitialDelay().toMillis();
    long max = settings.reconnectMaxDelay().toMillis();
    long delay = initial << Math.min(attempt, 20);
    return Math.min(delay, max);
  }

  private String address() {
    return settings.host() + ":" + settings.port();
  }

  @Override
  public String toString() {
    return "RemotingClient{" + settings.self().identity() + " -> " + address() + "}";
  }
}
