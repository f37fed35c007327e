package dev.provisioner.worker;

import dev.provisioner.accounts.Problem;
import dev.provisioner.command.CommandParser;
import dev.provisioner.command.MessageHeaders;
import dev.provisioner.command.ParseResult;
import dev.provisioner.command.Reply;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

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
    ParseResult result = parser.parse(record.value(), headers(record));
    if (result instanceof ParseResult.Parsed parsed) {
      return commands.handle(parsed.command());
    }
    ParseResult.Invalid invalid = (ParseResult.Invalid) result;
    String reason = invalid.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    Problem problem = Problem.of(reason, title(invalid.reason()), 400, invalid.detail());
    Reply reply = answerable(record, invalid.messageId())
        ? Reply.rejected(invalid.messageId(), null, problem, false, 0)
        : null;
    return CompletableFuture.completedFuture(new Outcome.DeadLettered(reply,
        new CommandRejectedException(reason + ": " + invalid.detail(), invalid.messageId())));
  }

  /** A reply helps only when somebody can match it: by message ID or by correlation ID. */
  private static boolean answerable(ConsumerRecord<byte[], byte[]> record, String messageId) {
    return messageId != null || record.headers().lastHeader(MessageHeaders.CORRELATION_ID) != null;
  }

  private static String title(ParseResult.InvalidReason reason) {
    return switch (reason) {
      case NOT_JSON -> "Command is not JSON";
      case NO_MESSAGE_ID -> "Command has no message ID";
      case SCHEMA_VIOLATION -> "Command violates the schema";
      case TOO_LARGE -> "Command is too large";
    };
  }

  static Map<String, String> headers(ConsumerRecord<?, ?> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return headers;
  }
}
