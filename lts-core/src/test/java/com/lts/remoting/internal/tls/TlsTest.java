package com.lts.remoting.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.lts.core.config.ConfigException;
import com.lts.core.domain.Response;
import com.lts.remoting.Loopback;
import com.lts.remoting.RawPeer;
import com.lts.remoting.SampleBodies;
import com.lts.remoting.TestCertificates;
import com.lts.remoting.TestCertificates.Issued;
import com.lts.remoting.internal.client.RemotingClient;
import com.lts.remoting.internal.command.Command;
import com.lts.remoting.internal.command.CommandCode;
import com.lts.remoting.internal.command.HeartBeatRequest;
import com.lts.remoting.internal.command.JobSubmitRequest;
import com.lts.remoting.internal.protocol.RemotingMessage;
import com.lts.remoting.internal.server.RemotingServer;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

  private static final String TOKEN = "tls-cluster-token";

  @TempDir static Path dir;
  private static Issued ca;
  private static Issued otherCa;
  private static Issued serverCert;
  private static Issued clientCert;
  private static Issued strangerCert;
  private static Issued impostorCert;

  private final AtomicInteger processed = new AtomicInteger();
  private final List<Throwable> serverFailures = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeAll
  static void certificates() throws Exception {
    ca = TestCertificates.ca(dir, "lts-test-ca");
    otherCa = TestCertificates.ca(dir, "other-ca");
    serverCert = TestCertificates.issue(dir, ca, "jt-tls");
    clientCert = TestCertificates.issue(dir, ca, "tt-tls");
    strangerCert = TestCertificates.issue(dir, otherCa, "tt-stranger");
    impostorCert = TestCertificates.issue(dir, ca, "jt-impostor");
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  private static TlsSettings serverTls(boolean mutual) {
    return new TlsSettings(
        true,
        serverCert.certFile(),
        serverCert.keyFile(),
        null,
        mutual ? ca.certFile() : null,
        true);
  }

  private static TlsSettings clientTls(Issued trusted, Issued own) {
    return new TlsSettings(
        true,
        own == null ? null : own.certFile(),
        own == null ? null : own.keyFile(),
        null,
        trusted.certFile(),
        true);
  }

  private RemotingServer server(TlsSettings tls) {
    RemotingServer server =
        new RemotingServer(
            Loopback.serverSettings(TOKEN)
                .tls(tls)
                .handshakeTimeout(Duration.ofMillis(500))
                .build());
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) -> {
          processed.incrementAndGet();
          return Response.success("OK", channel.peer().identity());
        });
    server.addChannelFailureListener((address, failure) -> serverFailures.add(failure));
    server.start();
    toClose.add(server);
    return server;
  }

  private RemotingClient client(String identity, int port, TlsSettings tls) {
    RemotingClient client =
        new RemotingClient(Loopback.clientSettings(identity, TOKEN, port).tls(tls).build());
    toClose.add(0, client);
    client.start();
    return client;
  }

  private static String submit(RemotingClient client) {
    return client
        .invokeSync(Command.SUBMIT_JOB, new JobSubmitRequest(List.of(SampleBodies.job("t"))))
        .getMsg();
  }

  /** Waits for the client's first failed attempt and returns it. */
  private static Throwable firstFailure(RemotingClient client) {
    await().atMost(Duration.ofSeconds(10)).until(() -> client.lastFailure() != null);
    assertThat(client.isConnected()).isFalse();
    return client.lastFailure();
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aClientTrustingTheServersCaIsServedOverTls() throws Exception {
    RemotingServer server = server(serverTls(false));
    RemotingClient client = client("tt-tls", server.port(), clientTls(ca, null));
    client.awaitConnected(Duration.ofSeconds(5));

    assertThat(submit(client)).isEqualTo("tt-tls");
    SslHandler ssl = client.channel().orElseThrow().nettyChannel().pipeline().get(SslHandler.class);
    assertThat(ssl.engine().getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
    assertThat(ssl.engine().getSession().getPeerCertificates()[0])
        .isEqualTo(serverCert.certificate());
  }

  @Test
  void aClientTrustingAnotherCaRefusesTheServer() {
    RemotingServer server = server(serverTls(false));
    RemotingClient client = client("tt-wary", server.port(), clientTls(otherCa, null));

    assertThat(causedBy(firstFailure(client), SSLException.class)).isTrue();
    assertThat(processed).hasValue(0);
  }

  @Test
  void aPlainClientIsRefusedByATlsServer() throws Exception {
    RemotingServer server = server(serverTls(false));

    try (RawPeer plain = new RawPeer(server.port())) {
      plain.send(RemotingMessage.oneWay(CommandCode.HEART_BEAT, new HeartBeatRequest(1L)));
      assertThat(plain.awaitClosed()).isTrue();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> !serverFailures.isEmpty());
    assertThat(serverFailures.get(0)).isInstanceOf(NotSslRecordException.class);

    // A plain LTS client sends nothing until it is challenged, which never happens in plain text:
    // the handshake timeout ends it.
    RemotingClient client = client("tt-plain", server.port(), TlsSettings.DISABLED);
    firstFailure(client);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> serverFailures.stream().anyMatch(f -> causedBy(f, SSLException.class)));
    assertThat(processed).hasValue(0);
  }

  @Test
  void aTlsClientRefusesAPlainServer() {
    RemotingServer server = server(TlsSettings.DISABLED);
    RemotingClient client = client("tt-tls", server.port(), clientTls(ca, null));

    firstFailure(client);
    assertThat(processed).hasValue(0);
  }

  @Test
  void mutualTlsServesAClientWithACertificateOfTheTrustedCa() {
    RemotingServer server = server(serverTls(true));
    RemotingClient client = client("tt-tls", server.port(), clientTls(ca, clientCert));
    client.awaitConnected(Duration.ofSeconds(5));

    assertThat(submit(client)).isEqualTo("tt-tls");
  }

  @Test
  void mutualTlsRefusesAClientWithoutACertificateOrWithAnotherCasOne() {
    RemotingServer server = server(serverTls(true));
    RemotingClient anonymous = client("tt-anonymous", server.port(), clientTls(ca, null));
    RemotingClient stranger = client("tt-stranger", server.port(), clientTls(ca, strangerCert));

    firstFailure(anonymous);
    firstFailure(stranger);
    await().atMost(Duration.ofSeconds(5)).until(() -> serverFailures.size() >= 2);
    assertThat(serverFailures).allMatch(f -> causedBy(f, SSLException.class));
    assertThat(server.channels()).isEmpty();
    assertThat(processed).hasValue(0);
  }

  @Test
  void aServerWithTlsButNoCertificateFailsAtStartNamingTheKey() {
    TlsSettings incomplete = new TlsSettings(true, null, null, null, null, true);

    assertThatThrownBy(
            () ->
                new RemotingServer(Loopback.serverSettings(TOKEN).tls(incomplete).build()).start())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("lts.remoting.tls.cert is not set");
    TlsSettings missing =
        new TlsSettings(true, dir.resolve("nowhere.pem"), serverCert.keyFile(), null, null, true);
    assertThatThrownBy(
            () -> new RemotingServer(Loopback.serverSettings(TOKEN).tls(missing).build()).start())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("is not a readable file");
  }

  /**
   * The worst case for the token: a party in the middle that terminates TLS with a certificate the
   * client trusts (one from the same CA) and whose address the JobTracker accepts (an alias). The
   * proofs cover the certificate each side saw (tls-server-end-point), so the relay still gets
   * nothing.
   */
  @Test
  void aTlsTerminatingRelayWithATrustedCertificateIsRefused() throws Exception {
    SSLContext relayTls = sslContext(impostorCert);
    SSLServerSocket relay =
        (SSLServerSocket)
            relayTls
                .getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getByName(Loopback.HOST));
    toClose.add(relay);
    RemotingServer server =
        new RemotingServer(
            Loopback.serverSettings(TOKEN)
                .tls(serverTls(false))
                .serverAliases("127.0.0.1:" + relay.getLocalPort())
                .build());
    server.registerProcessor(
        Command.SUBMIT_JOB,
        (channel, request) -> {
          processed.incrementAndGet();
          return Response.success("OK", channel.peer().identity());
        });
    server.start();
    toClose.add(server);
    ExecutorService pumps = Executors.newCachedThreadPool();
    toClose.add(pumps::shutdownNow);
    pumps.submit(
        () -> {
          Socket victim = relay.accept();
          Socket real = relayTls.getSocketFactory().createSocket(Loopback.HOST, server.port());
          toClose.add(victim);
          toClose.add(real);
          pumps.submit(() -> pump(victim, real));
          pumps.submit(() -> pump(real, victim));
          return null;
        });

    RemotingClient client = client("tt-victim", relay.getLocalPort(), clientTls(ca, null));

    assertThatThrownBy(() -> client.awaitConnected(Duration.ofSeconds(5)))
        .isInstanceOf(com.lts.remoting.AuthenticationException.class)
        .hasMessageContaining("different cluster token");
    assertThat(processed).hasValue(0);
  }

  private static Void pump(Socket from, Socket to) throws Exception {
    try (to) {
      from.getInputStream().transferTo(to.getOutputStream());
    }
    return null;
  }

  /** A JDK TLS context showing {@code own} and trusting the test CA. */
  private static SSLContext sslContext(Issued own) throws Exception {
    char[] password = "pw".toCharArray();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "own",
        own.keys().getPrivate(),
        password,
        new Certificate[] {own.certificate(), ca.certificate()});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }
}
