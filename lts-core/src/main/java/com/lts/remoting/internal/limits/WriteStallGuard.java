package com.lts.remoting.internal.limits;

import com.lts.remoting.RemotingException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a peer that stops reading from growing this node's memory. When the bytes waiting to be
 * sent on the connection pass the write buffer's high water mark, this stage stops reading from the
 * peer (so it cannot ask for more answers), and starts reading again once they drop below the low
 * mark. A peer that leaves the buffer full for longer than the stall timeout is cut off.
 */
public final class WriteStallGuard extends ChannelInboundHandlerAdapter {

  private final Duration stallTimeout;
  private ScheduledFuture<?> deadline;

  public WriteStallGuard(Duration stallTimeout) {
    this.stallTimeout = stallTimeout;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!ctx.channel().isWritable()) {
      ctx.channel().config().setAutoRead(false);
      if (deadline == null) {
        deadline =
            ctx.executor()
                .schedule(() -> cutOff(ctx), stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
      }
    } else {
      ctx.channel().config().setAutoRead(true);
      cancel();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    cancel();
    ctx.fireChannelInactive();
  }

  private void cutOff(ChannelHandlerContext ctx) {
    deadline = null;
    if (ctx.channel().isActive() && !ctx.channel().isWritable()) {
      ctx.fireExceptionCaught(
          new SlowPeerException(
              "Peer left more than "
                  + ctx.channel().config().getWriteBufferHighWaterMark()
                  + " bytes unread for "
                  + stallTimeout.toMillis()
                  + " ms (lts.remoting.write.stall.timeout); cut off"));
    }
  }

  private void cancel() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  /** The peer stopped reading what this node sends it. */
  public static final class SlowPeerException extends RemotingException {
    public SlowPeerException(String message) {
      super(message);
    }
  }
}
