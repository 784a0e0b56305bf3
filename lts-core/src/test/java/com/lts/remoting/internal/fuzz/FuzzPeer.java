package com.lts.remoting.internal.fuzz;

import com.lts.core.cluster.NodeType;
import com.lts.remoting.Loopback;
import com.lts.remoting.ResponseStatus;
import com.lts.remoting.internal.auth.HandshakeMac;
import com.lts.remoting.internal.codec.MessageDecoder;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.HandshakeChallenge;
import com.lts.remoting.internal.command.HandshakeRequest;
import com.lts.remoting.internal.command.HeartBeatRequest;
import com.lts.remoting.internal.protocol.ProtocolException;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.List;

/**
 * One fuzzing connection to a server with a cluster token, for {@link ProtocolFuzzTest} and for
 * fuzz tests of whole nodes (lts-example's JobTrackerFuzzTest).
 */
public final class FuzzPeer {

  private static final int MAX_FRAME = 16 * 1024 * 1024;

  private FuzzPeer() {}

  /** Valid frames of every command body, length prefix included. */
  public static List<byte[]> seeds() {
    return ProtocolFuzzTest.seeds();
  }

  /**
   * One connection: a mutated handshake, or a good handshake and a mutated command frame, then a
   * probe. The server must answer the probe or close the connection, within the read timeout.
   */
  public static String attack(
      int port, String token, Mutator mutator, boolean beforeHandshake, byte[] command)
      throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(Loopback.HOST, port), 2_000);
      socket.setSoTimeout(5_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      try {
        HandshakeChallenge challenge = (HandshakeChallenge) read(in).body();
        byte[] handshake = handshake(challenge, port, token);
        if (beforeHandshake) {
          out.write(mutator.mutate(handshake));
        } else {
          out.write(handshake);
          RemotingMessage answer = read(in);
          if (answer.status() != ResponseStatus.SUCCESS) {
            return "good handshake refused: " + answer;
          }
          out.write(mutator.mutate(command));
        }
        out.write(
            ProtocolFuzzTest.encode(
                RemotingMessage.request(
                    CommandCode.HEART_BEAT, 424_242L, new HeartBeatRequest(1L))));
        out.flush();
        for (int frames = 0; frames < 1_000; frames++) {
          RemotingMessage m = read(in);
          if (m.isResponse() && m.requestId() == 424_242L) {
            return null; // still in step with the server
          }
        }
        return "no end of frames";
      } catch (EOFException | SocketException e) {
        return null; // closed by the server: fine
      } catch (SocketTimeoutException e) {
        return "connection neither answered nor closed within 5 s";
      } catch (ProtocolException e) {
        return "server sent a frame this client cannot read: " + e;
      }
    }
  }

  private static byte[] handshake(HandshakeChallenge challenge, int port, String token) {
    byte[] serverNonce = HandshakeMac.decode(challenge.getServerNonce());
    byte[] clientNonce = HandshakeMac.newNonce(new SecureRandom());
    String dialled = Loopback.HOST + ":" + port;
    HandshakeRequest request = new HandshakeRequest();
    request.setIdentity("tt-fuzz");
    request.setNodeType(NodeType.TASK_TRACKER);
    request.setNodeGroup("fuzz");
    request.setClientNonce(HandshakeMac.encode(clientNonce));
    request.setServerAddress(dialled);
    request.setMac(
        HandshakeMac.encode(
            new HandshakeMac(token)
                .client(
                    new HandshakeMac.Binding(
                        serverNonce, clientNonce, "tt-fuzz", challenge.getIdentity(), dialled))));
    return ProtocolFuzzTest.encode(RemotingMessage.request(CommandCode.HANDSHAKE, 1L, request));
  }

  private static RemotingMessage read(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_FRAME) {
      throw new IOException("server sent a frame of " + length + " bytes");
    }
    byte[] frame = new byte[length];
    in.readFully(frame);
    return MessageDecoder.decode(Unpooled.wrappedBuffer(frame));
  }
}
