package com.lts.remoting.internal.tls;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

/**
 * Stage right after the {@code SslHandler}: a failed TLS handshake (a timeout, a certificate not
 * trusted) closes the connection inside the {@code SslHandler} without passing an exception down
 * the pipeline; this stage passes it on, so that the error stage logs and records why.
 */
@ChannelHandler.Sharable
public final class TlsFailureReporter extends ChannelInboundHandlerAdapter {

  public static final TlsFailureReporter INSTANCE = new TlsFailureReporter();

  private TlsFailureReporter() {}

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof SslHandshakeCompletionEvent done && !done.isSuccess()) {
      ctx.fireExceptionCaught(done.cause());
    }
    ctx.fireUserEventTriggered(evt);
  }
}
