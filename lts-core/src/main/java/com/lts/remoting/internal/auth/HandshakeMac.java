package com.lts.remoting.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 proofs of the cluster token exchanged in the handshake. Each side signs both
 * nonces (fixed length, so the concatenation is unambiguous) and its own identity, behind a label
 * that keeps a client proof from ever passing as a server proof.
 */
public final class HandshakeMac {

  public static final int NONCE_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] CLIENT_LABEL =
      "lts-handshake-client".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SERVER_LABEL =
      "lts-handshake-server".getBytes(StandardCharsets.UTF_8);

  private final SecretKeySpec key;

  /**
   * @param token the cluster token; must not be empty
   */
  public HandshakeMac(String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("The cluster token must not be empty");
    }
    this.key = new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** The client's proof: label, server nonce, client nonce, client identity. */
  public byte[] client(byte[] serverNonce, byte[] clientNonce, String clientIdentity) {
    return mac(CLIENT_LABEL, serverNonce, clientNonce, utf8(clientIdentity));
  }

  /** The server's proof: label, client nonce, server nonce, server identity. */
  public byte[] server(byte[] clientNonce, byte[] serverNonce, String serverIdentity) {
    return mac(SERVER_LABEL, clientNonce, serverNonce, utf8(serverIdentity));
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

  private static byte[] utf8(String s) {
    return s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
  }
}
