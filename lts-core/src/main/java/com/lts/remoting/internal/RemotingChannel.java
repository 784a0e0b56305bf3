package com.lts.remoting.internal;

import com.lts.remoting.ConnectionClosedException;
import com.lts.remoting.RemoteErrorException;
import com.lts.remoting.RemotingException;
import com.lts.remoting.RemotingTimeoutException;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.protocol.ProtocolException;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.EncoderException;
import io.netty.util.AttributeKey;
import java.net.SocketAddress;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One connection between two nodes, usable in both directions: whichever side opened it can send
 * requests on it and receive requests from it. Futures complete on the endpoint's callback
 * executor, never on a network thread.
 */
public final class RemotingChannel {

  private static final AttributeKey<RemotingChannel> KEY =
      AttributeKey.valueOf("lts.remotingChannel");

  /** How much longer than the call's own timeout a blocked caller waits, as a safety net. */
  private static final long SYNC_GRACE_MILLIS = 5_000;

  private final Channel channel;
  private final ResponseTable responses;
  private final Executor callbacks;
  private final Duration defaultTimeout;
  private volatile Peer peer;

  private RemotingChannel(Channel channel, Endpoint endpoint) {
    this.channel = channel;
    this.responses = endpoint.newResponseTable();
    this.callbacks = endpoint.callbackExecutor();
    this.defaultTimeout = endpoint.requestTimeout();
    channel
        .closeFuture()
        .addListener(
            f ->
                responses.failAll(
                    new ConnectionClosedException(
                        "Connection with " + describePeer() + " closed")));
  }

  /** Creates the remoting channel of a new Netty channel; done by the pipeline initializers. */
  public static RemotingChannel attach(Channel channel, Endpoint endpoint) {
    RemotingChannel remoting = new RemotingChannel(channel, endpoint);
    channel.attr(KEY).set(remoting);
    return remoting;
  }

  /** The remoting channel of {@code channel}, or null when it has none. */
  public static RemotingChannel of(Channel channel) {
    return channel.attr(KEY).get();
  }

  /** Who is at the other end; null until the handshake has succeeded. */
  public Peer peer() {
    return peer;
  }

  /** Set once by the handshake stage. */
  public void authenticated(Peer peer) {
    this.peer = Objects.requireNonNull(peer);
  }

  public boolean isAuthenticated() {
    return peer != null;
  }

  public boolean isActive() {
    return channel.isActive();
  }

  public SocketAddress remoteAddress() {
    return channel.remoteAddress();
  }

  public SocketAddress localAddress() {
    return channel.localAddress();
  }

  /** The Netty channel underneath, for the pipeline stages. */
  public Channel nettyChannel() {
    return channel;
  }

  /** The response table of this connection, for the dispatcher. */
  public ResponseTable responses() {
    return responses;
  }

  /** Sends a request and returns its response, waiting at most the default request timeout. */
  public <Q, R> R invokeSync(Command<Q, R> command, Q request) {
    return invokeSync(command, request, defaultTimeout);
  }

  /**
   * Sends a request and returns its response.
   *
   * @throws RemotingTimeoutException no response within {@code timeout}
   * @throws RemoteErrorException the peer answered with an error status
   * @throws ConnectionClosedException the connection closed before the response came
   * @throws IllegalStateException when called on a network thread, which would deadlock
   */
  public <Q, R> R invokeSync(Command<Q, R> command, Q request, Duration timeout) {
    if (channel.eventLoop().inEventLoop()) {
      throw new IllegalStateException(
          "invokeSync(" + command + ") called on a network thread; use invokeAsync there");
    }
    CompletableFuture<R> future = invokeAsync(command, request, timeout);
    try {
      return future.get(timeout.toMillis() + SYNC_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RemotingException remoting) {
        throw remoting;
      }
      throw new RemotingException(command + " to " + describePeer() + " failed", e.getCause());
    } catch (TimeoutException e) {
      throw new RemotingTimeoutException(
          command
              + " to "
              + describePeer()
              + " got no response within "
              + timeout.toMillis()
              + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RemotingException("Interrupted while waiting for " + command + " response", e);
    }
  }

  /** Sends a request; the future completes with its response or a {@link RemotingException}. */
  public <Q, R> CompletableFuture<R> invokeAsync(Command<Q, R> command, Q request) {
    return invokeAsync(command, request, defaultTimeout);
  }

  /** Sends a request; the future completes with its response or a {@link RemotingException}. */
  public <Q, R> CompletableFuture<R> invokeAsync(
      Command<Q, R> command, Q request, Duration timeout) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(request, "request");
    long id = responses.nextId();
    String description = command + " #" + id + " to " + describePeer();
    CompletableFuture<R> future =
        responses.register(id, command.responseType(), description, timeout);
    if (!channel.isActive()) {
      responses.fail(id, new ConnectionClosedException(description + ": connection is closed"));
      return future;
    }
    ChannelFuture write =
        channel.writeAndFlush(RemotingMessage.request(command.code(), id, request));
    write.addListener(
        w -> {
          if (!w.isSuccess()) {
            responses.fail(id, writeFailure(description, w.cause()));
          }
        });
    return future;
  }

  /**
   * Sends a message that gets no answer. The future completes (on the callback executor) once the
   * message is written, or fails when it cannot be.
   */
  public <Q> CompletableFuture<Void> invokeOneWay(Command<Q, ?> command, Q message) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(message, "message");
    CompletableFuture<Void> written = new CompletableFuture<>();
    String description = command + " (one-way) to " + describePeer();
    channel
        .writeAndFlush(RemotingMessage.oneWay(command.code(), message))
        .addListener(
            w -> {
              Runnable completion =
                  w.isSuccess()
                      ? () -> written.complete(null)
                      : () -> written.completeExceptionally(writeFailure(description, w.cause()));
              try {
                callbacks.execute(completion);
              } catch (RejectedExecutionException e) {
                completion.run();
              }
            });
    return written;
  }

  /** Closes the connection; waiting calls fail with {@link ConnectionClosedException}. */
  public void close() {
    channel.close();
  }

  private static RemotingException writeFailure(String description, Throwable cause) {
    Throwable t =
        cause instanceof EncoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (t instanceof ProtocolException protocol) {
      return protocol;
    }
    if (t instanceof ClosedChannelException) {
      return new ConnectionClosedException(description + ": connection is closed");
    }
    return new RemotingException("Cannot send " + description + ": " + t, t);
  }

  private String describePeer() {
    Peer p = peer;
    return p == null
        ? String.valueOf(channel.remoteAddress())
        : p.identity() + "@" + channel.remoteAddress();
  }

  @Override
  public String toString() {
    return "RemotingChannel{" + describePeer() + "}";
  }
}
