package dev.provisioner.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.provisioner.broker.LocalBroker;
import dev.provisioner.runtime.BrokerUnreachableException;
import dev.provisioner.sandbox.Sandbox;
import dev.provisioner.testing.SelfSignedCertificate;
import dev.provisioner.worker.WorkerApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The worker against a broker that speaks only TLS, configured with the README's {@code
 * spring.kafka.ssl.*} lines: it processes a command when it trusts the broker's certificate, and
 * stops at start, saying why, when it does not.
 */
class KafkaTlsTest {

  private static final String KEY = "sk_test_tlsWorkerKey8Qx3";
  @TempDir
  static Path dir;
  private static SelfSignedCertificate certificate;
  private static LocalBroker broker;
  private static Sandbox sandbox;

  @BeforeAll
  static void startTlsBroker() {
    certificate = SelfSignedCertificate.forLocalhost(dir);
    String store = certificate.path().toString();
    broker = LocalBroker.builder()
        .property("listener.security.protocol.map", "PLAINTEXT:SSL,CONTROLLER:PLAINTEXT")
        .property("ssl.keystore.location", store)
        .property("ssl.keystore.password", certificate.password())
        .property("ssl.key.password", certificate.password())
        .property("ssl.keystore.type", "PKCS12")
        .property("ssl.truststore.location", store)
        .property("ssl.truststore.password", certificate.password())
        .property("ssl.truststore.type", "PKCS12")
        .start();
    sandbox = Sandbox.start("--sandbox.api-key=" + KEY);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    broker.close();
  }

  @Test
  void theWorkerTrustingTheBrokersCertificateProcessesACommandOverTls() throws Exception {
    // Given a worker with the README's TLS settings
    String commands = "tls-commands-" + UUID.randomUUID();
    String replies = "tls-replies-" + UUID.randomUUID();
    List<String> trust = List.of("--spring.kafka.ssl.trust-store-location=file:" + certificate.path(),
        "--spring.kafka.ssl.trust-store-password=" + certificate.password(),
        "--spring.kafka.ssl.trust-store-type=PKCS12");
    try (ConfigurableApplicationContext worker = worker(commands, replies, trust)) {
      // When a command arrives over TLS
      SecuredKafka.send(client(), commands, "m-tls", SecretLeakIT.command("m-tls"));

      // Then its created reply comes back over TLS
      assertThat(SecuredKafka.awaitFirst(client(), replies)).contains("\"message_id\":\"m-tls\"", "\"status\":\"created\"");
    }
  }

  @Test
  void aWorkerThatDoesNotTrustTheBrokersCertificateStopsAtStartSayingWhy() {
    // Given a worker speaking TLS without a trust store holding the broker's certificate
    String commands = "tls-untrusted-" + UUID.randomUUID();

    // When it starts, Then it stops with the TLS reason
    assertThatThrownBy(() -> worker(commands, commands + "-replies", List.of()).close())
        .isInstanceOf(BrokerUnreachableException.class)
        .hasMessageStartingWith("cannot reach Kafka at spring.kafka.bootstrap-servers=" + broker.bootstrapServers())
        .hasMessageContaining("certification path");
  }

  private static ConfigurableApplicationContext worker(String commands, String replies, List<String> trust) {
    List<String> args = SecuredKafka.workerArgs(broker, sandbox, KEY, commands, replies);
    args.add("--spring.kafka.security.protocol=SSL");
    args.addAll(trust);
    return WorkerApplication.start(args);
  }

  /** A client that trusts the broker's certificate. */
  private static Properties client() {
    Properties props = new Properties();
    props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
    props.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, certificate.path().toString());
    props.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, certificate.password());
    props.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PKCS12");
    return props;
  }
}
