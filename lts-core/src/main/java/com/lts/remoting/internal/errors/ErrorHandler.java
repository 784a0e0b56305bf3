package com.lts.remoting.internal.errors;

import com.lts.remoting.internal.ChannelFailureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CodecException;
import java.io.IOException;
import java.net.SocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage: any failure that reaches it closes this connection only, after logging the reason
 * with the peer's address, recording it on the channel and telling the failure listeners. At most
 * 20 such warnings are logged per 10 seconds (the rest at debug level, counted in the next
 * warning).
 */
@ChannelHandler.Sharable
public final class ErrorHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(ErrorHandler.class);

  private final List<ChannelFailureListener> listeners;
  // A flood of bad or refused connections must not flood the log: 20 warnings per 10 s.
  private final LogLimiter warnings = new LogLimiter(20, 10_000_000_000L);

  /**
   * @param listeners told of every failure; a live list, read at each failure
   */
  public ErrorHandler(List<ChannelFailureListener> listeners) {
    this.listeners = listeners;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable failure = unwrap(cause);
    SocketAddress remote = ctx.channel().remoteAddress();
    boolean first = ChannelFailures.of(ctx.channel()) == null;
    ChannelFailures.record(ctx.channel(), failure);
    if (failure instanceof IOException) {
      // A peer that vanished (reset, broken pipe) is routine, not worth a warning.
      log.debug("Connection with {} failed: {}", remote, failure.toString());
    } else if (first) {
      long suppressed = warnings.tryAcquire();
      if (suppressed > 0) {
        log.warn(
            "Closing connection with {}: {} ({} similar lines suppressed before this one)",
            remote,
            failure.toString(),
            suppressed);
      } else if (suppressed == 0) {
        log.warn("Closing connection with {}: {}", remote, failure.toString());
      } else {
        log.debug("Closing connection with {}: {}", remote, failure.toString());
      }
    } else {
      log.debug("Further failure on closing connection with {}: {}", remote, failure.toString());
    }
    for (ChannelFailureListener listener : listeners) {
      try {
        listener.failed(remote, failure);
      } catch (RuntimeException e) {
        log.warn("Channel failure listener {} failed", listener, e);
      }
    }
    ctx.close();
  }

  /** Netty wraps what codecs throw; the typed exception is the cause. */
  static Throwable unwrap(Throwable cause) {
    Throwable t = cause;
    while (t instanceof CodecException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
