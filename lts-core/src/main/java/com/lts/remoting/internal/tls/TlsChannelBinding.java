package com.lts.remoting.internal.tls;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The TLS channel binding the handshake proofs cover: SHA-256 of the server's certificate as this
 * connection saw it (RFC 5929's tls-server-end-point). A party that terminates TLS in the middle
 * shows the client a certificate of its own, so the client's proof does not match what the real
 * server computes. Empty without TLS.
 */
public final class TlsChannelBinding {

  private static final byte[] NONE = new byte[0];

  private TlsChannelBinding() {}

  /**
   * @param server whether this side is the server (its own certificate) or the client (the peer's)
   */
  public static byte[] of(ChannelPipeline pipeline, boolean server) {
    SslHandler ssl = pipeline.get(SslHandler.class);
    if (ssl == null) {
      return NONE;
    }
    SSLSession session = ssl.engine().getSession();
    try {
      Certificate[] chain = server ? session.getLocalCertificates() : session.getPeerCertificates();
      if (chain == null || chain.length == 0) {
        return NONE;
      }
      return MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
    } catch (SSLPeerUnverifiedException | CertificateEncodingException e) {
      return NONE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
