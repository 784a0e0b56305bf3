package com.lts.remoting.internal.tls;

import com.lts.core.config.ConfigKeys;
import com.lts.core.config.NodeConfig;
import java.nio.file.Path;

/**
 * The TLS configuration of one node's RPC connections.
 *
 * @param cert PEM certificate chain of this node, or null (a client without one cannot do mutual
 *     TLS)
 * @param key PEM PKCS#8 private key of {@code cert}
 * @param keyPassword the key's password, or null when it is not encrypted
 * @param trust PEM CA certificates to trust, or null for the JVM's trust store (client) or for no
 *     client certificates (server)
 * @param verifyHostname whether a client checks that the server's certificate names the address it
 *     dialled
 */
public record TlsSettings(
    boolean enabled, Path cert, Path key, String keyPassword, Path trust, boolean verifyHostname) {

  public static final TlsSettings DISABLED = new TlsSettings(false, null, null, null, null, true);

  /** What {@code node}'s {@code lts.remoting.tls.*} keys say. */
  public static TlsSettings of(NodeConfig node) {
    if (!node.get(ConfigKeys.TLS_ENABLED)) {
      return DISABLED;
    }
    return new TlsSettings(
        true,
        path(node.get(ConfigKeys.TLS_CERT)),
        path(node.get(ConfigKeys.TLS_KEY)),
        node.get(ConfigKeys.TLS_KEY_PASSWORD),
        path(node.get(ConfigKeys.TLS_TRUST)),
        node.get(ConfigKeys.TLS_VERIFY_HOSTNAME));
  }

  private static Path path(String file) {
    return file == null ? null : Path.of(file);
  }

  /** Whether a server with these settings asks every peer for a certificate. */
  public boolean mutual() {
    return trust != null;
  }
}
