package com.lts.remoting.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.internal.json.Json;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.ErrorBody;
import com.lts.remoting.internal.errors.ChannelFailures;
import com.lts.remoting.internal.errors.ErrorHandler;
import com.lts.remoting.internal.protocol.BadMagicException;
import com.lts.remoting.internal.protocol.FrameFormat;
import com.lts.remoting.internal.protocol.FrameKind;
import com.lts.remoting.internal.protocol.FrameTooLargeException;
import com.lts.remoting.internal.protocol.MalformedFrameException;
import com.lts.remoting.internal.protocol.ProtocolException;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.protocol.TruncatedFrameException;
import com.lts.remoting.internal.protocol.UnknownCommandException;
import com.lts.remoting.internal.protocol.UnsupportedVersionException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodecTest {

  private static final int MAX = 64 * 1024;

  private final List<Throwable> reported = new CopyOnWriteArrayList<>();

  private EmbeddedChannel inbound() {
    return new EmbeddedChannel(
        new FrameDecoder(MAX),
        new MessageDecoder(),
        new ErrorHandler(List.of((address, failure) -> reported.add(failure))));
  }

  private static ByteBuf encode(RemotingMessage message) {
    EmbeddedChannel out = new EmbeddedChannel(new MessageEncoder(MAX));
    assertThat(out.writeOutbound(message)).isTrue();
    ByteBuf bytes = out.readOutbound();
    out.finishAndReleaseAll();
    return bytes;
  }

  private RemotingMessage roundTrip(RemotingMessage message) {
    EmbeddedChannel in = inbound();
    assertThat(in.writeInbound(encode(message))).isTrue();
    RemotingMessage decoded = in.readInbound();
    assertThat(in.isOpen()).isTrue();
    assertThat(in.finish()).isFalse();
    return decoded;
  }

  @ParameterizedTest
  @EnumSource(CommandCode.class)
  void everyRequestBodySurvivesTheRoundTrip(CommandCode code) {
    Object body = SampleBodies.of(code.requestType());
    RemotingMessage decoded = roundTrip(RemotingMessage.request(code, 42L, body));

    assertThat(decoded.kind()).isEqualTo(FrameKind.REQUEST);
    assertThat(decoded.command()).isEqualTo(code);
    assertThat(decoded.requestId()).isEqualTo(42L);
    assertThat(decoded.body()).isInstanceOf(code.requestType());
    assertThat(decoded.body()).usingRecursiveComparison().isEqualTo(body);
    assertThat(Json.toJson(decoded.body())).isEqualTo(Json.toJson(body));
  }

  @ParameterizedTest
  @EnumSource(CommandCode.class)
  void everyResponseBodySurvivesTheRoundTrip(CommandCode code) {
    Object body = SampleBodies.of(code.responseType());
    RemotingMessage request =
        RemotingMessage.request(code, 7L, SampleBodies.of(code.requestType()));
    RemotingMessage decoded = roundTrip(RemotingMessage.response(request, body));

    assertThat(decoded.kind()).isEqualTo(FrameKind.RESPONSE);
    assertThat(decoded.status()).isEqualTo(ResponseStatus.SUCCESS);
    assertThat(decoded.command()).isEqualTo(code);
    assertThat(decoded.requestId()).isEqualTo(7L);
    assertThat(decoded.body()).isInstanceOf(code.responseType());
    assertThat(decoded.body()).usingRecursiveComparison().isEqualTo(body);
  }

  @Test
  void oneWayAndErrorFramesSurviveTheRoundTrip() {
    RemotingMessage oneWay =
        roundTrip(
            RemotingMessage.oneWay(
                CommandCode.BIZ_LOG_SEND,
                SampleBodies.of(com.lts.remoting.internal.command.BizLogSendRequest.class)));
    assertThat(oneWay.kind()).isEqualTo(FrameKind.ONE_WAY);

    RemotingMessage request =
        RemotingMessage.request(
            CommandCode.SUBMIT_JOB,
            9L,
            SampleBodies.of(com.lts.remoting.internal.command.JobSubmitRequest.class));
    RemotingMessage error =
        roundTrip(RemotingMessage.error(request, ResponseStatus.SYSTEM_BUSY, "queue full"));
    assertThat(error.status()).isEqualTo(ResponseStatus.SYSTEM_BUSY);
    assertThat(error.requestId()).isEqualTo(9L);
    assertThat(((ErrorBody) error.body()).getMessage()).isEqualTo("queue full");
  }

  @Test
  void noClassNameTravelsOnTheWire() {
    ByteBuf frame =
        encode(
            RemotingMessage.request(
                CommandCode.SUBMIT_JOB,
                1L,
                SampleBodies.of(com.lts.remoting.internal.command.JobSubmitRequest.class)));
    String text = frame.toString(StandardCharsets.UTF_8);
    frame.release();
    assertThat(text).doesNotContain("com.lts").doesNotContain("@type");
  }

  /** Header fields after the length prefix, with the given overrides. */
  private static ByteBuf frame(
      int magic, int version, int kind, int code, int status, byte[] body) {
    ByteBuf buf = Unpooled.buffer();
    buf.writeInt(FrameFormat.HEADER_BYTES + body.length);
    buf.writeShort(magic);
    buf.writeByte(version);
    buf.writeByte(kind);
    buf.writeShort(code);
    buf.writeShort(status);
    buf.writeShort(0);
    buf.writeLong(5L);
    buf.writeBytes(body);
    return buf;
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private <T extends ProtocolException> T assertRejected(ByteBuf bytes, Class<T> expected) {
    EmbeddedChannel in = inbound();
    in.writeInbound(bytes);
    in.runPendingTasks();
    assertThat(in.isOpen()).as("channel closed").isFalse();
    assertThat(in.<Object>readInbound()).isNull();
    Throwable failure = ChannelFailures.of(in);
    assertThat(failure).isInstanceOf(expected);
    assertThat(reported).first().isSameAs(failure);
    return expected.cast(failure);
  }

  @Test
  void wrongMagicIsRejected() {
    BadMagicException e =
        assertRejected(frame(0xCAFE, 1, 0, 11, 0, json("{}")), BadMagicException.class);
    assertThat(e).hasMessageContaining("0xCAFE");
  }

  @Test
  void wrongVersionIsRejected() {
    assertRejected(
        frame(FrameFormat.MAGIC, 2, 0, 11, 0, json("{}")), UnsupportedVersionException.class);
  }

  @Test
  void unknownCommandCodeIsRejected() {
    assertRejected(
        frame(FrameFormat.MAGIC, 1, 0, 999, 0, json("{}")), UnknownCommandException.class);
  }

  @Test
  void unknownKindOrStatusIsRejected() {
    assertRejected(
        frame(FrameFormat.MAGIC, 1, 9, 11, 0, json("{}")), MalformedFrameException.class);
    reported.clear();
    assertRejected(
        frame(FrameFormat.MAGIC, 1, 1, 11, 77, json("{}")), MalformedFrameException.class);
  }

  @Test
  void bodyThatIsNotJsonOfTheCommandsClassIsRejected() {
    MalformedFrameException e =
        assertRejected(
            frame(FrameFormat.MAGIC, 1, 0, 11, 0, json("{not json")),
            MalformedFrameException.class);
    assertThat(e).hasMessageContaining("SUBMIT_JOB");
  }

  @Test
  void frameShorterThanTheHeaderIsRejected() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeInt(3);
    buf.writeBytes(new byte[] {0x4C, 0x54, 1});
    assertRejected(buf, MalformedFrameException.class);
  }

  @Test
  void oversizedFrameIsRejectedBeforeItArrives() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeInt(MAX * 2);
    buf.writeBytes(new byte[100]);
    assertRejected(buf, FrameTooLargeException.class);
  }

  @Test
  void lengthWithTheHighBitSetIsReadUnsignedAndTooLarge() {
    ByteBuf buf = Unpooled.buffer();
    buf.writeInt(-5);
    buf.writeBytes(new byte[30]);
    assertRejected(buf, FrameTooLargeException.class);
  }

  @Test
  void garbageIsRejected() {
    byte[] garbage = new byte[200];
    new Random(7).nextBytes(garbage);
    garbage[0] = 0; // a plausible length (a few KiB) so the frame decoder cuts a frame
    garbage[1] = 0;
    garbage[2] = 0;
    garbage[3] = 100;
    assertRejected(Unpooled.wrappedBuffer(garbage), BadMagicException.class);
  }

  @Test
  void connectionClosedMidFrameIsReportedAsTruncated() {
    ByteBuf whole =
        encode(
            RemotingMessage.oneWay(
                CommandCode.HEART_BEAT,
                new com.lts.remoting.internal.command.HeartBeatRequest(1L)));
    ByteBuf half = whole.readRetainedSlice(whole.readableBytes() / 2);
    whole.release();
    EmbeddedChannel in = inbound();
    assertThat(in.writeInbound(half)).isFalse();
    assertThat(in.isOpen()).isTrue();

    in.close();

    assertThat(ChannelFailures.of(in))
        .isInstanceOf(TruncatedFrameException.class)
        .hasMessageContaining("bytes of it received");
  }

  @Test
  void encoderRefusesAFrameOverTheMaximum() {
    EmbeddedChannel out = new EmbeddedChannel(new MessageEncoder(1024));
    String big = "x".repeat(2000);
    RemotingMessage message =
        RemotingMessage.oneWay(
            CommandCode.JOB_PULL,
            new com.lts.remoting.internal.command.JobPullRequest(big, "g", 1));
    assertThatThrownBy(() -> out.writeOutbound(message))
        .isInstanceOf(EncoderException.class)
        .hasCauseInstanceOf(FrameTooLargeException.class);
    assertThat(out.isOpen()).isTrue();
  }

  @Test
  void encoderRefusesABodyOfTheWrongClass() {
    EmbeddedChannel out = new EmbeddedChannel(new MessageEncoder(MAX));
    RemotingMessage message =
        RemotingMessage.oneWay(CommandCode.JOB_PULL, new com.lts.remoting.internal.command.Ack());
    assertThatThrownBy(() -> out.writeOutbound(message))
        .hasCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JobPullRequest");
  }
}
