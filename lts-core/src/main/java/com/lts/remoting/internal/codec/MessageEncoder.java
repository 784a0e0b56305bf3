package com.lts.remoting.internal.codec;

import com.lts.core.internal.json.Json;
import com.lts.remoting.internal.protocol.FrameFormat;
import com.lts.remoting.internal.protocol.FrameTooLargeException;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Outbound stage: writes a whole frame, length prefix included. A body of the wrong class or a
 * frame over the maximum fails the write (and so the call), not the connection.
 */
public final class MessageEncoder extends MessageToByteEncoder<RemotingMessage> {

  private final int maxFrameBytes;

  public MessageEncoder(int maxFrameBytes) {
    super(RemotingMessage.class);
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, RemotingMessage message, ByteBuf out) {
    encode(message, out, maxFrameBytes);
  }

  /** Appends the frame of {@code message} to {@code out}. */
  public static void encode(RemotingMessage message, ByteBuf out, int maxFrameBytes) {
    Object body = message.body();
    Class<?> expected =
        RemotingMessage.bodyType(message.kind(), message.command(), message.status());
    if (body != null && body.getClass() != expected) {
      throw new IllegalArgumentException(
          "Body of "
              + message
              + " must be a "
              + expected.getSimpleName()
              + ", not a "
              + body.getClass().getName());
    }
    byte[] json = body == null ? new byte[0] : Json.toBytes(body);
    long frameBytes =
        (long) FrameFormat.LENGTH_FIELD_BYTES + FrameFormat.HEADER_BYTES + json.length;
    if (frameBytes > maxFrameBytes) {
      throw new FrameTooLargeException(
          "Cannot send "
              + message
              + ": its frame of "
              + frameBytes
              + " bytes is larger than the maximum of "
              + maxFrameBytes
              + " (netty.frame.length.max)");
    }
    out.ensureWritable((int) frameBytes);
    out.writeInt(FrameFormat.HEADER_BYTES + json.length);
    out.writeShort(FrameFormat.MAGIC);
    out.writeByte(FrameFormat.VERSION);
    out.writeByte(message.kind().wireValue());
    out.writeShort(message.command().code());
    out.writeShort(message.status().wireValue());
    out.writeShort(message.flags());
    out.writeLong(message.requestId());
    out.writeBytes(json);
  }
}
