package dev.provisioner.worker;

import dev.provisioner.command.CommandHeaders;
import dev.provisioner.command.CommandParser;
import dev.provisioner.command.IdempotencyKeys;
import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.ParseResult;
import dev.provisioner.command.Reply;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;

/**
 * One record to its {@link Outcome}: parses and validates it, then hands a valid command to the
 * {@link CommandHandler}. A record that is not a valid command never reaches the API.
 */
final class RecordHandler {

  private final CommandParser parser;
  private final CommandHandler commands;

  RecordHandler(CommandParser parser, CommandHandler commands) {
    this.parser = parser;
    this.commands = commands;
  }

  CompletableFuture<Outcome> handle(ConsumerRecord<byte[], byte[]> record) {
    ParseResult result = parser.parse(record.value(), headers(record),
        RecordBytes.keyAndHeaders(record.key(), record.headers()));
    if (result instanceof ParseResult.Parsed parsed) {
      return commands.handle(parsed.command());
    }
    ParseResult.Invalid invalid = (ParseResult.Invalid) result;
    String reason = invalid.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    String messageId = invalid.messageId();
    Reply reply = answerable(record, messageId)
        ? Reply.rejected(messageId, messageId == null ? null : IdempotencyKeys.forCreate(messageId, 0),
            invalid.toProblem(), false, 0)
        : null;
    return CompletableFuture.completedFuture(new Outcome.DeadLettered(reply,
        new CommandRejectedException(reason + ": " + invalid.detail(), invalid.messageId())));
  }

  /**
   * A reply helps only when somebody can match it: by message ID or by correlation ID. A
   * correlation header without a value matches nothing: its reply would go unread.
   */
  private static boolean answerable(ConsumerRecord<byte[], byte[]> record, @Nullable String messageId) {
    Header correlation = record.headers().lastHeader(MessageHeaders.CORRELATION_ID);
    return messageId != null || correlation != null && correlation.value() != null;
  }

  /** The last non-null value of each header, decoded strictly: invalid UTF-8 is never guessed at. */
  static CommandHeaders headers(ConsumerRecord<?, ?> record) {
    Map<String, byte[]> raw = new HashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        raw.put(header.key(), header.value());
      }
    }
    return CommandHeaders.decode(raw);
  }
}
