package dev.provisioner.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ClientLogsTest {

  @Test
  void aKafkaClientErrorWithAnExceptionIsOneLineOnStandardError() {
    // Given the tools' client logging, with standard error captured
    PrintStream realErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      ClientLogs.quiet();
      // When a Kafka client thread dies, as its uncaught-exception handler logs it
      LoggerFactory.getLogger("org.apache.kafka.common.utils.KafkaThread")
          .error("Uncaught exception in thread 'kafka-producer-network-thread | producer-1':",
              new OutOfMemoryError("Java heap space"));
    } finally {
      System.setErr(realErr);
    }

    // Then one line says what and why, without a stack trace
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().satisfies(line ->
        assertThat(line).contains("Uncaught exception in thread 'kafka-producer-network-thread | producer-1':")
            .contains("java.lang.OutOfMemoryError: Java heap space").doesNotContain("\t"));
  }
}
