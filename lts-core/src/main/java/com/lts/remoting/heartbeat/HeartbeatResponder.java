package com.lts.remoting.heartbeat;

import com.lts.remoting.command.Ack;
import com.lts.remoting.command.CommandCode;
import com.lts.remoting.protocol.RemotingMessage;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Stage after authentication that answers heartbeats itself: a one-way heartbeat only has to arrive
 * (it resets the idle timer), a heartbeat request gets an {@link Ack}. Nothing else is touched.
 */
@ChannelHandler.Sharable
public final class HeartbeatResponder extends ChannelInboundHandlerAdapter {

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof RemotingMessage message
        && message.command() == CommandCode.HEART_BEAT
        && !message.isResponse()) {
      if (message.isRequest()) {
        ctx.writeAndFlush(RemotingMessage.response(message, new Ack()));
      }
      return;
    }
    ctx.fireChannelRead(msg);
  }
}
