package com.lts.remoting.internal.limits;

import com.lts.remoting.RemotingConnectException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * First server stage: counts open connections, in total and per remote IP address, and refuses one
 * over either cap before it can cost more than its socket. The refused peer gets one error frame (a
 * {@code SYSTEM_BUSY} answer to the handshake it has not sent yet, which a client reports as the
 * reason it could not connect) and the connection is closed.
 */
@ChannelHandler.Sharable
public final class ConnectionLimiter extends ChannelInboundHandlerAdapter {

  private final int maxTotal;
  private final int maxPerAddress;
  private final AtomicInteger total = new AtomicInteger();
  private final ConcurrentHashMap<InetAddress, Integer> perAddress = new ConcurrentHashMap<>();

  public ConnectionLimiter(int maxTotal, int maxPerAddress) {
    if (maxTotal < 1 || maxPerAddress < 1) {
      throw new IllegalArgumentException("connection limits must be at least 1");
    }
    this.maxTotal = maxTotal;
    this.maxPerAddress = maxPerAddress;
  }

  /** Connections counted now. */
  public int open() {
    return total.get();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    SocketAddress remote = ctx.channel().remoteAddress();
    InetAddress address = remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    String refusal = acquire(address);
    if (refusal == null) {
      ctx.channel().closeFuture().addListener(f -> release(address));
      ctx.fireChannelActive();
      return;
    }
    RemotingMessage answer =
        RemotingMessage.error(
            RemotingMessage.request(CommandCode.HANDSHAKE, 0L, null),
            ResponseStatus.SYSTEM_BUSY,
            refusal);
    // Through the whole pipeline, so the encoder writes the frame; then report and close.
    ctx.channel()
        .writeAndFlush(answer)
        .addListener(
            (ChannelFutureListener)
                f ->
                    ctx.fireExceptionCaught(
                        new RemotingConnectException("Refused " + remote + ": " + refusal)));
  }

  /** Counts a new connection, or says why it is refused. */
  private String acquire(InetAddress address) {
    if (total.incrementAndGet() > maxTotal) {
      total.decrementAndGet();
      return "this JobTracker has its maximum of "
          + maxTotal
          + " connections open (lts.remoting.connections.max)";
    }
    if (address == null) {
      return null;
    }
    boolean[] admitted = new boolean[1];
    perAddress.compute(
        address,
        (a, count) -> {
          int now = count == null ? 0 : count;
          admitted[0] = now < maxPerAddress;
          return admitted[0] ? now + 1 : count;
        });
    if (!admitted[0]) {
      total.decrementAndGet();
      return "this JobTracker has its maximum of "
          + maxPerAddress
          + " connections from "
          + address.getHostAddress()
          + " open (lts.remoting.connections.per.address.max)";
    }
    return null;
  }

  private void release(InetAddress address) {
    total.decrementAndGet();
    if (address != null) {
      perAddress.compute(address, (a, count) -> count == null || count <= 1 ? null : count - 1);
    }
  }
}
