package com.lts.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.lts.core.LtsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Admin over HTTPS with a self-signed key store made by keytool at test time: real TLS requests,
 * Secure cookies, plain HTTP to the port refused with a clear answer, bad key stores named.
 */
@ExtendWith(AdminCluster.Shared.class)
class AdminTlsTest {

  private static final String STORE_PASSWORD = "keystore-secret-42";

  @TempDir static Path dir;
  private static Path keyStore;

  @BeforeAll
  static void makeKeyStore() throws Exception {
    keyStore = dir.resolve("admin.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "admin",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                STORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static LtsAdmin start(Map<String, String> extra) {
    Map<String, String> properties = AdminCluster.get().adminProperties();
    properties.put("dataPath", dir.resolve("admin-tls").toString());
    properties.putAll(extra);
    return new LtsAdmin(properties, new PrintStream(new ByteArrayOutputStream())).start();
  }

  /** A client that trusts the test's self-signed certificate only. */
  private static HttpClient trustingClient() throws Exception {
    KeyStore keys = KeyStore.getInstance(keyStore.toFile(), STORE_PASSWORD.toCharArray());
    Certificate certificate = keys.getCertificate("admin");
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("admin", certificate);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request)
      throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesHttpsWithSecureCookiesAndRefusesPlainHttpClearly() throws Exception {
    try (LtsAdmin admin =
        start(
            Map.of(
                "lts.admin.tls.keystore",
                keyStore.toString(),
                "lts.admin.tls.keystore.password",
                STORE_PASSWORD))) {
      assertThat(admin.url()).startsWith("https://127.0.0.1:");
      String https = "https://127.0.0.1:" + admin.port();
      HttpClient client = trustingClient();

      HttpResponse<String> login =
          send(
              client,
              HttpRequest.newBuilder(URI.create(https + "/api/login"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\""
                              + AdminCluster.ADMIN
                              + "\",\"password\":\""
                              + AdminCluster.PASSWORD
                              + "\"}"))
                  .build());
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie).contains("; Secure").contains("HttpOnly");
      String cookie = setCookie.substring(0, setCookie.indexOf(';'));
      HttpResponse<String> overview =
          send(
              client,
              HttpRequest.newBuilder(URI.create(https + "/api/overview"))
                  .header("Cookie", cookie)
                  .build());
      assertThat(overview.statusCode()).isEqualTo(200);
      assertThat(overview.headers().firstValue("Strict-Transport-Security"))
          .contains("max-age=31536000");
      assertThat(overview.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
      assertThat(overview.body()).contains("\"queues\"");
      assertThat(send(client, HttpRequest.newBuilder(URI.create(https + "/health")).build()).body())
          .contains("UP");

      HttpResponse<String> plain =
          send(
              HttpClient.newHttpClient(),
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin.port() + "/main.html"))
                  .header("Cookie", cookie)
                  .build());
      assertThat(plain.statusCode()).isEqualTo(400);
      assertThat(plain.body())
          .contains("LTS Admin serves HTTPS on this port: use https://127.0.0.1:" + admin.port());
      assertThat(plain.headers().firstValue("Set-Cookie")).isEmpty();

      HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      assertThatThrownBy(
              () -> send(untrusting, HttpRequest.newBuilder(URI.create(https + "/health")).build()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void aBadKeyStoreStopsTheStartSayingWhatToFix() {
    assertThatThrownBy(
            () ->
                start(
                    Map.of(
                        "lts.admin.tls.keystore",
                        keyStore.toString(),
                        "lts.admin.tls.keystore.password",
                        "not-the-password")))
        .isInstanceOf(LtsException.class)
        .hasMessageContaining("lts.admin.tls.keystore.password")
        .hasMessageNotContaining("not-the-password");
    assertThatThrownBy(
            () -> start(Map.of("lts.admin.tls.keystore", dir.resolve("none.p12").toString())))
        .isInstanceOf(LtsException.class)
        .hasMessageContaining("lts.admin.tls.keystore")
        .hasMessageContaining("is not a file");
  }
}
