package com.lts.remoting.internal.heartbeat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;

/**
 * Server stage after an {@code IdleStateHandler} watching reads: a peer that sent nothing, not even
 * a heartbeat, for the idle limit is gone; its connection is closed through the error handler.
 */
public final class IdleConnectionCloser extends ChannelInboundHandlerAdapter {

  private final Duration limit;

  public IdleConnectionCloser(Duration limit) {
    this.limit = limit;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
      ctx.fireExceptionCaught(
          new PeerIdleException(
              "Nothing received for "
                  + limit.toMillis()
                  + " ms (three heartbeat intervals); the peer is taken for dead"));
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }
}
