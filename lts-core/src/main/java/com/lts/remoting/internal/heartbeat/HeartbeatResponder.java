package com.lts.remoting.internal.heartbeat;

import com.lts.remoting.internal.command.Ack;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.HeartBeatRequest;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Stage after authentication that answers heartbeats itself: a heartbeat request gets an {@link
 * Ack}; a one-way heartbeat only has to arrive (it resets the idle timers), and on the server side
 * it is echoed so the client also hears from a live server. Nothing else is touched.
 */
@ChannelHandler.Sharable
public final class HeartbeatResponder extends ChannelInboundHandlerAdapter {

  private final boolean echoOneWay;

  /**
   * @param echoOneWay true on servers: answer a one-way heartbeat with one
   */
  public HeartbeatResponder(boolean echoOneWay) {
    this.echoOneWay = echoOneWay;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof RemotingMessage message
        && message.command() == CommandCode.HEART_BEAT
        && !message.isResponse()) {
      if (message.isRequest()) {
        ctx.writeAndFlush(RemotingMessage.response(message, new Ack()));
      } else if (echoOneWay) {
        ctx.writeAndFlush(
            RemotingMessage.oneWay(
                CommandCode.HEART_BEAT, new HeartBeatRequest(System.currentTimeMillis())));
      }
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
