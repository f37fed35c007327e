package dev.provisioner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.Reply;
import dev.provisioner.accounts.Problem;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** The fields of a command's log event: a message ID only when the worker accepted it as one. */
class OutcomeLogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(OutcomeLog.class);
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void capture() {
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
  }

  static Stream<Arguments> unusableMessageIdHeaders() {
    return Stream.of(
        Arguments.of("100,000 characters", "m".repeat(100_000).getBytes(StandardCharsets.UTF_8)),
        Arguments.of("a forged log line", "x\n{\"log.level\":\"ERROR\"}".getBytes(StandardCharsets.UTF_8)),
        Arguments.of("not UTF-8", new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusableMessageIdHeaders")
  void aMessageIdHeaderTheWorkerRejectedIsNotLoggedAsTheMessageId(String name, byte[] header) {
    // Given a record without a usable message ID, dead-lettered without a reply
    ConsumerRecord<byte[], byte[]> record = record();
    record.headers().add(MessageHeaders.MESSAGE_ID, header);

    // When
    OutcomeLog.published(record, new Outcome.DeadLettered(null,
        new CommandRejectedException("no-message-id: no message ID", null)));

    // Then
    assertThat(events.list).singleElement()
        .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("message_id", null)
            .containsEntry("kafka_offset", "7"));
  }

  @Test
  void theMessageIdTheWorkerUsedIsLogged() {
    // Given a record whose message-id header was not the ID used (its value's field was)
    ConsumerRecord<byte[], byte[]> record = record();
    record.headers().add(MessageHeaders.MESSAGE_ID, "from-header".getBytes(StandardCharsets.UTF_8));
    Reply reply = Reply.rejected("from-field", "acct-create-r0-from-field",
        new Problem("urn:x", "Invalid command", 400, "bad", null), false, 0);

    // When
    OutcomeLog.published(record, new Outcome.DeadLettered(reply,
        new CommandRejectedException("schema-violation: bad", "from-field")));

    // Then
    assertThat(events.list).singleElement()
        .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("message_id", "from-field"));
  }

  @Test
  void theBidiControlsOfAMessageIdAndOfTheReasonAreEscapedInTheLine() {
    // Given a usable message ID that opens with a right-to-left override, and a field named so
    ConsumerRecord<byte[], byte[]> record = record();
    Reply reply = Reply.rejected("\u202Eexe.pdf", "acct-create-h0-abc",
        new Problem("urn:x", "Invalid command", 400, "bad", null), false, 0);

    // When
    OutcomeLog.published(record, new Outcome.DeadLettered(reply,
        new CommandRejectedException("schema-violation: account.\u2067x\u2069: is not a known field",
            "\u202Eexe.pdf")));

    // Then the line shows the controls as escapes, so it reads left to right as written
    assertThat(events.list).singleElement().satisfies(event -> {
      assertThat(event.getFormattedMessage()).contains("(message ID \\u202Eexe.pdf)",
          "account.\\u2067x\\u2069: is not a known field").doesNotContain("\u202E", "\u2067");
      assertThat(event.getMDCPropertyMap()).containsEntry("message_id", "\u202Eexe.pdf");
    });
  }

  private static ConsumerRecord<byte[], byte[]> record() {
    return new ConsumerRecord<>("commands", 2, 7, "k".getBytes(StandardCharsets.UTF_8),
        "{}".getBytes(StandardCharsets.UTF_8));
  }
}
