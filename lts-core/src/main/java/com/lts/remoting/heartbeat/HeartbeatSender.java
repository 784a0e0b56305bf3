package com.lts.remoting.heartbeat;

import com.lts.remoting.RemotingChannel;
import com.lts.remoting.command.CommandCode;
import com.lts.remoting.command.HeartBeatRequest;
import com.lts.remoting.protocol.RemotingMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Client stage after an {@code IdleStateHandler} watching writes: after a heartbeat interval of
 * write silence on an authenticated connection, sends a one-way HEART_BEAT so the server does not
 * take the connection for dead.
 */
public final class HeartbeatSender extends ChannelInboundHandlerAdapter {

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.WRITER_IDLE) {
      RemotingChannel channel = RemotingChannel.of(ctx.channel());
      if (channel != null && channel.isAuthenticated()) {
        ctx.writeAndFlush(
            RemotingMessage.oneWay(
                CommandCode.HEART_BEAT, new HeartBeatRequest(System.currentTimeMillis())));
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }
}
