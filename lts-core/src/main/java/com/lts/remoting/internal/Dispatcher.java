package com.lts.remoting.internal;

import com.lts.core.event.FailureKind;
import com.lts.core.event.NodeEvent;
import com.lts.core.event.NodeEvents;
import com.lts.core.internal.background.Background;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage after authentication: hands responses to the connection's response table, and requests and
 * one-way messages to their processor's executor. The network thread only routes; processors never
 * run on it.
 */
@ChannelHandler.Sharable
public final class Dispatcher extends SimpleChannelInboundHandler<RemotingMessage> {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final ProcessorRegistry processors;
  private final NodeEvents events;

  public Dispatcher(ProcessorRegistry processors, NodeEvents events) {
    super(RemotingMessage.class);
    this.processors = processors;
    this.events = events;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, RemotingMessage message) {
    RemotingChannel channel = RemotingChannel.of(ctx.channel());
    if (message.isResponse()) {
      channel.responses().complete(message);
      return;
    }
    ProcessorRegistry.Registration<?, ?> registration = processors.find(message.command());
    if (registration == null) {
      refuse(
          ctx,
          message,
          ResponseStatus.COMMAND_NOT_SUPPORTED,
          "No processor for " + message.command() + " on this node");
      return;
    }
    if (message.body() == null) {
      refuse(ctx, message, ResponseStatus.BAD_REQUEST, message.command() + " needs a body");
      return;
    }
    try {
      registration.executor().execute(() -> run(ctx, channel, registration, message));
    } catch (RejectedExecutionException e) {
      refuse(
          ctx,
          message,
          ResponseStatus.SYSTEM_BUSY,
          "Too many requests waiting for a processor thread; try again later");
    }
  }

  private void run(
      ChannelHandlerContext ctx,
      RemotingChannel channel,
      ProcessorRegistry.Registration<?, ?> registration,
      RemotingMessage message) {
    Object result;
    try {
      result = registration.process(channel, message.body());
    } catch (Throwable t) { // root of the processor's task: the caller is answered whatever failed
      failed(ctx, channel, message, t);
      if (t instanceof VirtualMachineError) {
        throw (VirtualMachineError) t;
      }
      return;
    }
    if (message.isRequest()) {
      ctx.writeAndFlush(RemotingMessage.response(message, result))
          .addListener(
              w -> {
                if (!w.isSuccess() && ctx.channel().isActive()) {
                  // The answer itself could not be encoded (e.g. too large): say so instead.
                  log.warn("Cannot send the answer to {} to {}", message, channel, w.cause());
                  refuse(
                      ctx,
                      message,
                      ResponseStatus.SYSTEM_ERROR,
                      "The answer could not be sent: " + w.cause());
                }
              });
    }
  }

  /**
   * Logs a processor failure by the background rule (transient: one WARN line; else ERROR with the
   * stack; both told to the node's listeners) and answers the caller at once: busy for a transient
   * failure (try later or elsewhere), a system error otherwise.
   */
  private void failed(
      ChannelHandlerContext ctx, RemotingChannel channel, RemotingMessage message, Throwable t) {
    FailureKind kind = Background.kindOf(t);
    String task = "Processing " + message.command();
    if (kind.isTransient()) {
      log.warn("{} from {} failed: {}; {}", task, channel, t, kind.whatToCheck());
      events.publish(new NodeEvent.BackgroundFailure(task, kind, t.toString()));
      refuse(ctx, message, ResponseStatus.SYSTEM_BUSY, t.toString());
    } else {
      log.error("{} from {} failed unexpectedly", task, channel, t);
      events.publish(new NodeEvent.UnexpectedError(task, t));
      refuse(ctx, message, ResponseStatus.SYSTEM_ERROR, t.toString());
    }
  }

  private static void refuse(
      ChannelHandlerContext ctx, RemotingMessage message, ResponseStatus status, String reason) {
    if (message.isRequest()) {
      ctx.writeAndFlush(RemotingMessage.error(message, status, reason));
    } else {
      log.debug("Dropping {} from {}: {}", message, ctx.channel().remoteAddress(), reason);
    }
  }
}
