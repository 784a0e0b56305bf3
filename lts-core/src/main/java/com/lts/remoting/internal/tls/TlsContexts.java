package com.lts.remoting.internal.tls;

import com.lts.core.config.ConfigException;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds Netty {@link SslContext}s from {@link TlsSettings}: the JDK's TLS (no native library), TLS
 * 1.3 and 1.2 only, PEM files. Every problem with the files fails at node start, naming the key and
 * the file.
 */
public final class TlsContexts {

  private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  private TlsContexts() {}

  /** The server side: needs a certificate and key; with a trust file, mutual TLS. */
  public static SslContext server(TlsSettings tls) {
    readable(tls.cert(), "lts.remoting.tls.cert", "a JobTracker with TLS needs its certificate");
    readable(tls.key(), "lts.remoting.tls.key", "a JobTracker with TLS needs its private key");
    try {
      SslContextBuilder b =
          SslContextBuilder.forServer(tls.cert().toFile(), tls.key().toFile(), tls.keyPassword())
              .sslProvider(SslProvider.JDK)
              .protocols(PROTOCOLS);
      if (tls.mutual()) {
        readable(tls.trust(), "lts.remoting.tls.trust", "it names the CAs of client certificates");
        b.trustManager(tls.trust().toFile()).clientAuth(ClientAuth.REQUIRE);
      }
      return b.build();
    } catch (Exception e) {
      throw new ConfigException(
          "Cannot set up TLS from lts.remoting.tls.cert="
              + tls.cert()
              + ", lts.remoting.tls.key="
              + tls.key()
              + (tls.mutual() ? ", lts.remoting.tls.trust=" + tls.trust() : "")
              + ": "
              + e.getMessage()
              + ". Give PEM files: a certificate chain, and its key in PKCS#8.",
          e);
    }
  }

  /** The client side: trusts {@code trust} (else the JVM's CAs), shows its certificate if set. */
  public static SslContext client(TlsSettings tls) {
    try {
      SslContextBuilder b =
          SslContextBuilder.forClient()
              .sslProvider(SslProvider.JDK)
              .protocols(PROTOCOLS)
              .endpointIdentificationAlgorithm(tls.verifyHostname() ? "HTTPS" : null);
      if (tls.trust() != null) {
        readable(tls.trust(), "lts.remoting.tls.trust", "it names the CAs of the JobTrackers");
        b.trustManager(tls.trust().toFile());
      }
      if (tls.cert() != null) {
        readable(tls.cert(), "lts.remoting.tls.cert", "it is this node's client certificate");
        readable(tls.key(), "lts.remoting.tls.key", "it is the key of lts.remoting.tls.cert");
        b.keyManager(tls.cert().toFile(), tls.key().toFile(), tls.keyPassword());
      }
      return b.build();
    } catch (ConfigException e) {
      throw e;
    } catch (Exception e) {
      throw new ConfigException(
          "Cannot set up TLS from the lts.remoting.tls.* files: "
              + e.getMessage()
              + ". Give PEM files: CA certificates, a certificate chain, its key in PKCS#8.",
          e);
    }
  }

  private static void readable(Path file, String key, String why) {
    if (file == null) {
      throw new ConfigException(key + " is not set, and " + why + " (lts.remoting.tls.enabled)");
    }
    if (!Files.isReadable(file)) {
      throw new ConfigException(key + "=" + file + " is not a readable file; " + why);
    }
  }
}
