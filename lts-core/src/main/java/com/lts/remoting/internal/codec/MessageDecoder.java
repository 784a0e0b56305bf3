package com.lts.remoting.internal.codec;

import com.lts.core.internal.json.Json;
import com.lts.core.internal.json.JsonException;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.protocol.BadMagicException;
import com.lts.remoting.internal.protocol.FrameFormat;
import com.lts.remoting.internal.protocol.FrameKind;
import com.lts.remoting.internal.protocol.MalformedFrameException;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.protocol.UnknownCommandException;
import com.lts.remoting.internal.protocol.UnsupportedVersionException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Second inbound stage: reads the header of one frame and its JSON body as the class the command
 * code names. Any deviation is a typed {@link
 * com.lts.remoting.internal.protocol.ProtocolException}.
 */
public final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {

  public MessageDecoder() {
    super(ByteBuf.class);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    out.add(decode(frame));
  }

  /** Reads one frame (without its length prefix). */
  public static RemotingMessage decode(ByteBuf frame) {
    if (frame.readableBytes() < FrameFormat.HEADER_BYTES) {
      throw new MalformedFrameException(
          "Frame of "
              + frame.readableBytes()
              + " bytes is shorter than the "
              + FrameFormat.HEADER_BYTES
              + "-byte header");
    }
    short magic = frame.readShort();
    if (magic != FrameFormat.MAGIC) {
      throw new BadMagicException(
          String.format(
              "Frame starts with 0x%04X instead of the LTS magic 0x%04X: the peer does not speak"
                  + " the LTS protocol",
              magic & 0xFFFF, FrameFormat.MAGIC));
    }
    byte version = frame.readByte();
    if (version != FrameFormat.VERSION) {
      throw new UnsupportedVersionException(
          "Frame has protocol version "
              + version
              + "; this node speaks version "
              + FrameFormat.VERSION
              + " only. Run the same LTS version on every node.");
    }
    int kindValue = frame.readUnsignedByte();
    FrameKind kind = FrameKind.fromWire(kindValue);
    if (kind == null) {
      throw new MalformedFrameException("Unknown frame kind " + kindValue);
    }
    short code = frame.readShort();
    CommandCode command = CommandCode.fromCode(code);
    if (command == null) {
      throw new UnknownCommandException(
          "Unknown command code " + code + " in a " + kind + " frame");
    }
    short statusValue = frame.readShort();
    ResponseStatus status = ResponseStatus.fromWire(statusValue);
    if (status == null || (kind != FrameKind.RESPONSE && status != ResponseStatus.SUCCESS)) {
      throw new MalformedFrameException("Bad status " + statusValue + " in a " + kind + " frame");
    }
    short flags = frame.readShort();
    long requestId = frame.readLong();
    Object body = readBody(frame, RemotingMessage.bodyType(kind, command, status), command);
    return new RemotingMessage(kind, command, status, flags, requestId, body);
  }

  private static Object readBody(ByteBuf frame, Class<?> type, CommandCode command) {
    if (!frame.isReadable()) {
      return null;
    }
    byte[] bytes = new byte[frame.readableBytes()];
    frame.readBytes(bytes);
    try {
      return Json.fromBytes(bytes, type);
    } catch (JsonException e) {
      throw new MalformedFrameException(
          "Body of " + command + " is not a valid " + type.getSimpleName() + ": " + e.getMessage(),
          e);
    }
  }
}
