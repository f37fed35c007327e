package dev.provisioner.worker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.command.CommandHeaders;
import dev.provisioner.command.CommandParser;
import dev.provisioner.command.InvalidReason;
import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.ParseResult;
import java.util.HexFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a record's headers reach the parser: strictly decoded, so distinct IDs stay distinct. */
class RecordHandlerTest {

  private static final byte[] COMMAND =
      "{\"account\":{\"customer\":\"bcus_1\",\"external_reference\":\"INV-1\"}}".getBytes(UTF_8);

  private static final byte[] NOT_JSON = "not json".getBytes(UTF_8);

  private final CommandParser parser = CommandParser.withMaxBytes(1024 * 1024);

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"686472fffe58", "686472808158", "686472c0c158"})
  void rejectsAMessageIdHeaderThatIsNotUtf8InsteadOfKeyingItAsReplacementCharacters(String hex) {
    // Given three IDs a lossy decoding would all read as hdr\uFFFD\uFFFDX
    ConsumerRecord<byte[], byte[]> record = record(MessageHeaders.MESSAGE_ID, HexFormat.of().parseHex(hex));

    // When
    ParseResult result = parser.parse(record.value(), RecordHandler.headers(record));

    // Then
    assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid -> {
      assertThat(invalid.reason()).isEqualTo(InvalidReason.NO_MESSAGE_ID);
      assertThat(invalid.messageId()).isNull();
      assertThat(invalid.detail()).isEqualTo("no message ID: the message-id header is not valid UTF-8");
    });
  }

  @Test
  void rejectsACloudEventsIdThatIsNotUtf8SayingSo() {
    // Given
    ConsumerRecord<byte[], byte[]> record = record(MessageHeaders.CE_ID, HexFormat.of().parseHex("6365ff"));

    // When
    ParseResult result = parser.parse(record.value(), RecordHandler.headers(record));

    // Then
    assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class, invalid ->
        assertThat(invalid.detail()).isEqualTo("no message ID: the ce_id header is not valid UTF-8"));
  }

  @Test
  void takesTheLastValueOfAHeaderAndDecodesItExactly() {
    // Given
    ConsumerRecord<byte[], byte[]> record = record(MessageHeaders.MESSAGE_ID, "first".getBytes(UTF_8));
    record.headers().add(MessageHeaders.MESSAGE_ID, "zweite-ü-\uD83D\uDE00".getBytes(UTF_8));

    // When
    CommandHeaders headers = RecordHandler.headers(record);

    // Then
    assertThat(headers.text()).containsEntry(MessageHeaders.MESSAGE_ID, "zweite-ü-\uD83D\uDE00");
    assertThat(headers.notUtf8()).isEmpty();
  }

  @Test
  void answersACommandWithoutAMessageIdOnlyWhenItsCorrelationHeaderHasAValue() {
    // Given two records that are not JSON and have no message ID: one with a correlation ID, one
    // with the header but no value, whose reply nobody could match
    RecordHandler handler = new RecordHandler(parser, null);
    ConsumerRecord<byte[], byte[]> correlated = new ConsumerRecord<>("account-commands", 0, 0L, null, NOT_JSON);
    correlated.headers().add(MessageHeaders.CORRELATION_ID, "corr-1".getBytes(UTF_8));
    ConsumerRecord<byte[], byte[]> empty = new ConsumerRecord<>("account-commands", 0, 1L, null, NOT_JSON);
    empty.headers().add(MessageHeaders.CORRELATION_ID, null);

    // When / Then: both are dead-lettered; only the first gets a reply
    assertThat(handler.handle(correlated).join()).isInstanceOfSatisfying(Outcome.DeadLettered.class,
        outcome -> assertThat(outcome.reply()).isNotNull());
    assertThat(handler.handle(empty).join()).isInstanceOfSatisfying(Outcome.DeadLettered.class,
        outcome -> assertThat(outcome.reply()).isNull());
  }

  private static ConsumerRecord<byte[], byte[]> record(String header, byte[] value) {
    ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("account-commands", 0, 0L, null, COMMAND);
    record.headers().add(header, value);
    return record;
  }
}
