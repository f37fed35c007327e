package dev.provisioner.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.provisioner.testing.SelfSignedCertificate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API client over TLS, as against Moment's {@code https://} base URL: against a local HTTPS
 * server with a self-signed certificate made by the JDK's keytool. The certificate is checked
 * against the JVM's trust store, and the host name against the certificate.
 */
class HttpsApiTest {

  @TempDir
  static Path dir;
  private static HttpsServer server;
  private static final List<String> requests = new CopyOnWriteArrayList<>();
  private static SelfSignedCertificate certificate;

  @BeforeAll
  static void startServer() throws Exception {
    certificate = SelfSignedCertificate.forLocalhost(dir);
    SSLContext tls = certificate.serverContext();
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      exchange.getRequestBody().readAllBytes();
      byte[] body = "{\"id\":\"bacc_tls\",\"external_reference\":\"ref-1\"}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(201, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @BeforeEach
  void forgetRequests() {
    requests.clear();
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  @Test
  void createsAnAccountOverHttpsWhenTheJvmTrustsTheApisCertificate() {
    // Given the JVM's trust store holds the API's certificate (as -Djavax.net.ssl.trustStore=... does)
    trustingTheApi(() -> {
      // When an account is created at https://localhost
      ApiOutcome outcome = create("https://localhost:" + server.getAddress().getPort());

      // Then
      assertThat(outcome).isInstanceOfSatisfying(ApiOutcome.Created.class,
          created -> assertThat(created.account().path("id").asString()).isEqualTo("bacc_tls"));
    });
  }

  @Test
  void anUntrustedCertificateIsAConnectionErrorSayingWhy() {
    // Given the JVM's own trust store, which does not hold the API's self-signed certificate
    // When
    ApiOutcome outcome = create("https://localhost:" + server.getAddress().getPort());

    // Then: retried and dead-lettered like any connection error, and the reason is not lost
    assertThat(outcome).isInstanceOfSatisfying(ApiOutcome.Transient.class, failure ->
        assertThat(failure.problem().detail()).startsWith("POST /billing/accounts failed: SSLHandshakeException")
            .contains("unable to find valid certification path"));
  }

  @Test
  void aCertificateForAnotherHostIsRefusedEvenWhenTrusted() {
    // Given a trusted certificate for localhost
    trustingTheApi(() -> {
      // When the API is addressed by another name (its IP address)
      ApiOutcome outcome = create("https://127.0.0.1:" + server.getAddress().getPort());

      // Then the host name is verified
      assertThat(outcome).isInstanceOfSatisfying(ApiOutcome.Transient.class, failure ->
          assertThat(failure.problem().detail()).contains("SSLHandshakeException").contains("127.0.0.1"));
      assertThat(requests).as("no request reached the server").isEmpty();
    });
  }

  private static ApiOutcome create(String baseUrl) {
    return OneCreate.at(URI.create(baseUrl), "tls");
  }

  /** The JVM-wide trust store, set for {@code body} only. */
  private static void trustingTheApi(Runnable body) {
    Map<String, String> trust = Map.of("javax.net.ssl.trustStore", certificate.path().toString(),
        "javax.net.ssl.trustStorePassword", certificate.password(), "javax.net.ssl.trustStoreType", "PKCS12");
    trust.forEach(System::setProperty);
    try {
      body.run();
    } finally {
      trust.keySet().forEach(System::clearProperty);
    }
  }
}
