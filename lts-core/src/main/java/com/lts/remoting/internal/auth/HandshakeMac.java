package com.lts.remoting.internal.auth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 proofs of the cluster token exchanged in the handshake. Each side signs the whole
 * {@link Binding} — both nonces, both identities and the address the client dialled — behind a
 * label that keeps a client proof from ever passing as a server proof. Nonces have a fixed length
 * and every text is length-prefixed, so no two bindings sign the same bytes.
 *
 * <p>Binding the dialled address and the server's identity is what defeats a relay: a party posing
 * as a JobTracker (say, by adding itself to the registry) that passes a real client's proof on to
 * the real JobTracker passes a proof for <em>its own</em> address, which the real JobTracker
 * refuses.
 */
public final class HandshakeMac {

  public static final int NONCE_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] CLIENT_LABEL =
      "lts-handshake-client-2".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SERVER_LABEL =
      "lts-handshake-server-2".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;

  /**
   * What both proofs of one handshake cover.
   *
   * @param serverAddress the address the client dialled, {@code host:port} as the client had it
   * @param tlsServerCertificate SHA-256 of the server's TLS certificate as this connection saw it
   *     (tls-server-end-point), empty without TLS
   */
  public record Binding(
      byte[] serverNonce,
      byte[] clientNonce,
      String clientIdentity,
      String serverIdentity,
      String serverAddress,
      byte[] tlsServerCertificate) {

    /** A binding of a connection without TLS. */
    public Binding(
        byte[] serverNonce,
        byte[] clientNonce,
        String clientIdentity,
        String serverIdentity,
        String serverAddress) {
      this(serverNonce, clientNonce, clientIdentity, serverIdentity, serverAddress, new byte[0]);
    }
  }

  /**
   * @param token the cluster token; must not be empty
   */
  public HandshakeMac(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("The cluster token must not be empty");
    }
    this.key = new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The client's proof: label, nonces, client, server, dialled address, TLS certificate. */
  public byte[] client(Binding b) {
    return mac(
        CLIENT_LABEL,
        b.serverNonce(),
        b.clientNonce(),
        text(b.clientIdentity()),
        text(b.serverIdentity()),
        text(b.serverAddress()),
        bytes(b.tlsServerCertificate()));
  }

  /** The server's proof: label, nonces, server, client, dialled address, TLS certificate. */
  public byte[] server(Binding b) {
    return mac(
        SERVER_LABEL,
        b.clientNonce(),
        b.serverNonce(),
        text(b.serverIdentity()),
        text(b.clientIdentity()),
        text(b.serverAddress()),
        bytes(b.tlsServerCertificate()));
  }

  /** Constant-time comparison, so the time taken says nothing about how much matched. */
  public static boolean matches(byte[] expected, byte[] actual) {
    return actual != null && MessageDigest.isEqual(expected, actual);
  }

  public static byte[] newNonce(SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return nonce;
  }

  public static String encode(byte[] bytes) {
    return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
  }

  /** The bytes of Base64 {@code text}, or null when it is missing or not Base64. */
  public static byte[] decode(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] mac(byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** UTF-8 of {@code s} behind its 4-byte length; a null text is length 0. */
  private static byte[] text(String s) {
    return bytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code b} behind its 4-byte length; null is length 0. */
  private static byte[] bytes(byte[] b) {
    byte[] content = b == null ? new byte[0] : b;
    return ByteBuffer.allocate(4 + content.length).putInt(content.length).put(content).array();
  }
}
