package com.lts.remoting;

import com.lts.core.cluster.NodeType;
import com.lts.remoting.internal.auth.HandshakeMac;
import com.lts.remoting.internal.codec.MessageDecoder;
import com.lts.remoting.internal.codec.MessageEncoder;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.HandshakeChallenge;
import com.lts.remoting.internal.command.HandshakeRequest;
import com.lts.remoting.internal.protocol.RemotingMessage;
import io.netty.buffer.ByteBuf;
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

/**
 * A hand-driven peer on a plain blocking socket, to send what a well-behaved client never would
 * (bad frames, requests before the handshake) and to watch the server close the connection.
 */
public final class RawPeer implements AutoCloseable {

  private static final int MAX = 1024 * 1024;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final int port;

  public RawPeer(int port) throws IOException {
    this.port = port;
    socket = new Socket();
    socket.connect(new InetSocketAddress(Loopback.HOST, port), 2_000);
    socket.setSoTimeout(5_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  public void send(RemotingMessage message) throws IOException {
    ByteBuf buf = Unpooled.buffer();
    MessageEncoder.encode(message, buf, MAX);
    byte[] bytes = new byte[buf.readableBytes()];
    buf.readBytes(bytes);
    buf.release();
    sendRaw(bytes);
  }

  public void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Reads the next frame; fails after the socket's 5 s read timeout. */
  public RemotingMessage read() throws IOException {
    int length = in.readInt();
    byte[] frame = new byte[length];
    in.readFully(frame);
    return MessageDecoder.decode(Unpooled.wrappedBuffer(frame));
  }

  /** Reads the server's challenge and answers it; with {@code token} null, sends no proof. */
  public RemotingMessage handshake(String identity, String token) throws IOException {
    return handshake(identity, token, Loopback.HOST + ":" + port);
  }

  /** As {@link #handshake(String, String)}, saying that it dialled {@code dialled}. */
  public RemotingMessage handshake(String identity, String token, String dialled)
      throws IOException {
    RemotingMessage challenge = read();
    HandshakeChallenge body = (HandshakeChallenge) challenge.body();
    byte[] serverNonce = HandshakeMac.decode(body.getServerNonce());
    byte[] clientNonce = HandshakeMac.newNonce(new SecureRandom());
    HandshakeRequest request = new HandshakeRequest();
    request.setIdentity(identity);
    request.setNodeType(NodeType.TASK_TRACKER);
    request.setNodeGroup("raw");
    request.setClientNonce(HandshakeMac.encode(clientNonce));
    request.setServerAddress(dialled);
    if (token != null) {
      request.setMac(
          HandshakeMac.encode(
              new HandshakeMac(token)
                  .client(
                      new HandshakeMac.Binding(
                          serverNonce, clientNonce, identity, body.getIdentity(), dialled))));
    }
    send(RemotingMessage.request(CommandCode.HANDSHAKE, 1L, request));
    return read();
  }

  /**
   * Reads and drops whatever arrives until the server closes the connection.
   *
   * @return true when it closed within the read timeout, false when it stayed open
   */
  public boolean awaitClosed() throws IOException {
    byte[] sink = new byte[4096];
    try {
      for (int i = 0; i < 10_000; i++) {
        if (in.read(sink) < 0) {
          return true;
        }
      }
      return false;
    } catch (EOFException | SocketException e) {
      return true; // reset by the server: closed as well
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
