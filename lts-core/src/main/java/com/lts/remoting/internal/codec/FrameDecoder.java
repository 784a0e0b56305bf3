package com.lts.remoting.internal.codec;

import com.lts.remoting.internal.protocol.FrameFormat;
import com.lts.remoting.internal.protocol.FrameTooLargeException;
import com.lts.remoting.internal.protocol.TruncatedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * First inbound stage: cuts the byte stream into frames by their 4-byte length prefix (stock Netty
 * framing) and turns its failures into typed {@link
 * com.lts.remoting.internal.protocol.ProtocolException}s. Emits each frame without its prefix.
 *
 * <p>Until {@link #authenticated()} is called, only frames of up to {@link
 * FrameFormat#HANDSHAKE_FRAME_MAX} bytes pass: a peer that has proved nothing cannot make this node
 * buffer more than that. A bigger frame is refused as soon as its length prefix is read.
 */
public final class FrameDecoder extends LengthFieldBasedFrameDecoder {

  private final int maxFrameBytes;
  private int currentMaxFrameBytes;
  private boolean refused;

  /**
   * @param maxFrameBytes the largest frame accepted, length prefix included
   */
  public FrameDecoder(int maxFrameBytes) {
    super(
        maxFrameBytes, 0, FrameFormat.LENGTH_FIELD_BYTES, 0, FrameFormat.LENGTH_FIELD_BYTES, true);
    this.maxFrameBytes = maxFrameBytes;
    this.currentMaxFrameBytes = Math.min(maxFrameBytes, FrameFormat.HANDSHAKE_FRAME_MAX);
  }

  /** The peer finished the handshake: frames up to the configured maximum pass from now on. */
  public void authenticated() {
    currentMaxFrameBytes = maxFrameBytes;
  }

  @Override
  protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
    if (refused) {
      in.skipBytes(in.readableBytes()); // the connection is closing; read nothing more of it
      return null;
    }
    if (currentMaxFrameBytes < maxFrameBytes
        && in.readableBytes() >= FrameFormat.LENGTH_FIELD_BYTES) {
      long frameBytes =
          (in.getInt(in.readerIndex()) & 0xFFFFFFFFL) + FrameFormat.LENGTH_FIELD_BYTES;
      if (frameBytes > currentMaxFrameBytes) {
        refused = true;
        in.skipBytes(in.readableBytes());
        throw new FrameTooLargeException(
            "Frame of "
                + frameBytes
                + " bytes before the handshake finished; only handshake frames of up to "
                + currentMaxFrameBytes
                + " bytes are accepted until then");
      }
    }
    try {
      return super.decode(ctx, in);
    } catch (TooLongFrameException e) {
      throw new FrameTooLargeException(
          "Frame is larger than the maximum of "
              + maxFrameBytes
              + " bytes (netty.frame.length.max)",
          e);
    }
  }

  /** Bytes still buffered when the connection closes are the start of a frame that never ended. */
  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out)
      throws Exception {
    super.decodeLast(ctx, in, out);
    if (in.isReadable()) {
      int left = in.readableBytes();
      in.skipBytes(left);
      throw new TruncatedFrameException(
          "Connection closed in the middle of a frame (" + left + " bytes of it received)");
    }
  }
}
