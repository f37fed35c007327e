package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.testing.TestKafka;
import dev.provisioner.tooling.KafkaClients;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker that acknowledges some commands and then is gone: only the acknowledged rows count as
 * sent, sending stops, and the summary and report say exactly which rows were not sent. The broker
 * check and the replies go to the real test broker; the producer is a fake that plays the vanishing.
 */
class SubmitterSendFailureTest {

  private static final String GONE =
      "Expiring 1 record(s) for commands-0: 30001 ms has passed since batch creation";

  @TempDir
  Path dir;

  @Test
  void onlyTheRowsTheBrokerAcknowledgedAreCountedSentAndTheRestNotSent() throws IOException {
    // Given five rows and a broker that acknowledges two and then vanishes
    StringWriter text = new StringWriter();
    Submitter submitter = submitter(fiveRows(), false, null, text, 2);

    // When
    SubmitSummary summary = submitter.run();

    // Then
    assertThat(summary.describe()).as(text.toString()).isEqualTo("5 rows: 0 invalid, 2 sent, 3 not sent");
    assertThat(summary.exitCode()).isEqualTo(1);
    assertThat(text.toString().lines()).as(text.toString())
        .anyMatch(line -> line.startsWith("progress: sent 2/5, "))
        .contains("send failed: line 4: TimeoutException: " + GONE
            + "; sending stopped (sending the file again is safe: same message IDs)");
  }

  @Test
  void theReportMarksTheFailedRowAndTheRowsAfterItNotSent() throws IOException {
    // Given
    Path report = dir.resolve("report.csv");
    StringWriter text = new StringWriter();
    Submitter submitter = submitter(fiveRows(), true, report, text, 2);

    // When
    SubmitSummary summary = submitter.run();

    // Then
    assertThat(summary.describe()).as(text.toString())
        .isEqualTo("5 rows: 0 invalid, 2 sent, 3 not sent, 0 created, 0 rejected, 0 failed, 2 unanswered");
    List<String> lines = Files.readAllLines(report);
    assertThat(lines).hasSize(6);
    assertThat(lines.get(1)).startsWith("2,").contains(",acc-1,unanswered,");
    assertThat(lines.get(2)).startsWith("3,").contains(",acc-2,unanswered,");
    assertThat(lines.get(3)).startsWith("4,").endsWith(",acc-3,not-sent,,TimeoutException: " + GONE + ",");
    assertThat(lines.get(4)).startsWith("5,").endsWith(",acc-4,not-sent,,sending stopped after line 4 failed,");
    assertThat(lines.get(5)).startsWith("6,").endsWith(",acc-5,not-sent,,sending stopped after line 4 failed,");
  }

  private Submitter submitter(Path file, boolean await, @Nullable Path report, StringWriter text,
      int acknowledged) {
    String commands = TestKafka.uniqueTopic("commands");
    String replies = TestKafka.uniqueTopic("replies");
    TestKafka.createTopics(1, commands, replies);
    SubmitSettings settings = new SubmitSettings(file, KafkaClients.of(TestKafka.bootstrapServers()), commands,
        replies, await, report, false, Duration.ZERO, false);
    return new Submitter(settings, new PrintWriter(text, true), Clock.systemUTC(),
        servers -> new VanishingBroker(acknowledged));
  }

  private Path fiveRows() throws IOException {
    StringBuilder csv = new StringBuilder("external_reference,name,currency,customer.external_reference\n");
    for (int i = 1; i <= 5; i++) {
      csv.append("acc-%d,Account %d,ZAR,cus-%d\n".formatted(i, i, i));
    }
    return Files.writeString(dir.resolve("five.csv"), csv);
  }

  /** Acknowledges the first {@code acknowledged} records at once, then fails every one as expired. */
  private static final class VanishingBroker extends MockProducer<byte[], byte[]> {
    private final int acknowledged;
    private int handed;

    VanishingBroker(int acknowledged) {
      super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
      this.acknowledged = acknowledged;
    }

    @Override
    public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record,
        Callback callback) {
      if (++handed <= acknowledged) {
        return super.send(record, callback);
      }
      TimeoutException gone = new TimeoutException(GONE);
      callback.onCompletion(null, gone);
      return CompletableFuture.failedFuture(gone);
    }
  }
}
