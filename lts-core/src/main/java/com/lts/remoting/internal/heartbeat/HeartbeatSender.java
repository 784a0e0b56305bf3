package com.lts.remoting.internal.heartbeat;

import com.lts.remoting.internal.RemotingChannel;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.HeartBeatRequest;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Client stage after an {@code IdleStateHandler} watching reads and writes, both at the heartbeat
 * interval. After write silence it sends a one-way HEART_BEAT so the server does not take the
 * connection for dead; after read silence it sends one too, which the server echoes. When {@value
 * #MISSED_LIMIT} intervals pass without a byte from the server, the server is taken for dead
 * (crashed without closing, frozen, or cut off) and the connection is closed, so the client
 * reconnects or moves to another server.
 */
public final class HeartbeatSender extends ChannelInboundHandlerAdapter {

  static final int MISSED_LIMIT = 3;

  private final long intervalMillis;
  private int silentIntervals;

  public HeartbeatSender(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    silentIntervals = 0;
    ctx.fireChannelRead(msg);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (!(evt instanceof IdleStateEvent idle)) {
      ctx.fireUserEventTriggered(evt);
      return;
    }
    if (idle.state() == IdleState.READER_IDLE && ++silentIntervals >= MISSED_LIMIT) {
      ctx.fireExceptionCaught(
          new PeerIdleException(
              "Nothing received from the server for "
                  + MISSED_LIMIT * intervalMillis
                  + " ms (three heartbeat intervals); the server is taken for dead"));
      return;
    }
    RemotingChannel channel = RemotingChannel.of(ctx.channel());
    if (channel != null && channel.isAuthenticated()) {
      ctx.writeAndFlush(
          RemotingMessage.oneWay(
              CommandCode.HEART_BEAT, new HeartBeatRequest(System.currentTimeMillis())));
    }
  }
}
