package com.lts.admin.web;

import com.lts.core.LtsException;
import com.lts.core.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Admin's HTTPS listener: TLS with the key and certificate chain of a PKCS12 or JKS key store.
 * Plain HTTP sent to the same port is recognised (Jetty's {@link DetectorConnectionFactory}) and
 * answered by {@link AdminHandler} with a 400 that names the https address, instead of a dropped
 * connection a user cannot make sense of.
 */
public final class TlsConnector {

  private TlsConnector() {}

  /**
   * The key store at {@code file}, opened with {@code password}; throws saying which setting to fix
   * (never showing the password).
   */
  public static KeyStore load(String file, String password) {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new LtsException(
          ConfigKeys.ADMIN_TLS_KEYSTORE.name()
              + ": "
              + path.toAbsolutePath()
              + " is not a file; name a PKCS12 or JKS key store with Admin's key and certificate");
    }
    char[] secret = password == null ? new char[0] : password.toCharArray();
    KeyStore store;
    try {
      store = KeyStore.getInstance(path.toFile(), secret);
    } catch (IOException | GeneralSecurityException e) {
      throw new LtsException(
          "Cannot open the TLS key store "
              + path.toAbsolutePath()
              + " ("
              + e.getMessage()
              + "): check "
              + ConfigKeys.ADMIN_TLS_KEYSTORE.name()
              + " and "
              + ConfigKeys.ADMIN_TLS_KEYSTORE_PASSWORD.name(),
          e);
    }
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return store;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new LtsException("Cannot read the TLS key store " + path.toAbsolutePath(), e);
    }
    throw new LtsException(
        ConfigKeys.ADMIN_TLS_KEYSTORE.name()
            + ": "
            + path.toAbsolutePath()
            + " holds no private key; it needs Admin's key with its certificate chain");
  }

  /** A connector that speaks HTTPS with {@code keyStore} and recognises plain HTTP. */
  public static ServerConnector create(Server server, KeyStore keyStore, String password) {
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStore(keyStore);
    tls.setKeyStorePassword(password == null ? "" : password);
    tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
    HttpConfiguration config = new HttpConfiguration();
    config.addCustomizer(new SecureRequestCustomizer());
    HttpConnectionFactory http = new HttpConnectionFactory(config);
    SslConnectionFactory ssl = new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString());
    return new ServerConnector(server, new DetectorConnectionFactory(ssl), http);
  }
}
