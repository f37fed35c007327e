package dev.provisioner.cli;

import dev.provisioner.tooling.dlt.DeadLetter;
import dev.provisioner.tooling.dlt.DeadLetters;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code dlt show}: one dead letter, found by partition and offset or by message ID, headers decoded. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show one dead letter with its headers decoded.")
final class DltShowCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;
  @Mixin
  DltWhere where;
  @Unmatched
  List<String> springArgs = new ArrayList<>();
  @ArgGroup(exclusive = true, multiplicity = "1")
  Which which;

  static final class Which {
    @ArgGroup(exclusive = false)
    @Nullable At at;
    @Option(names = "--message-id", description = "the first record with this message-id header; "
        + "the others, dead-lettered again after a replay, under also_dead_lettered_at")
    @Nullable String messageId;
  }

  static final class At {
    @Option(names = "--partition", required = true, description = "the dead letter's partition")
    int partition;
    @Option(names = "--offset", required = true, description = "the dead letter's offset")
    long offset;
  }

  @Override
  public Integer call() {
    DeadLetters letters = new DeadLetters(where.settings(springArgs));
    List<DeadLetter> found = DltCommand.named(() -> which.at != null
        ? letters.at(which.at.partition, which.at.offset).stream().toList()
        : letters.withMessageId(String.valueOf(which.messageId)));
    if (found.isEmpty()) {
      spec.commandLine().getErr().println("error: no such dead letter on " + where.topic);
      return ExitCodes.FAILURES;
    }
    Map<String, Object> view = view(found.get(0));
    if (found.size() > 1) {
      view.put("also_dead_lettered_at", found.subList(1, found.size()).stream()
          .map(DltShowCommand::place).toList());
    }
    spec.commandLine().getOut().println(DltCommand.JSON.writerWithDefaultPrettyPrinter()
        .writeValueAsString(view));
    return ExitCodes.OK;
  }

  /** Where a dead letter is, and why: for {@code --partition/--offset}, and the start of its view. */
  private static Map<String, Object> place(DeadLetter letter) {
    Map<String, Object> place = new LinkedHashMap<>();
    place.put("partition", letter.record().partition());
    place.put("offset", letter.record().offset());
    place.put("timestamp", letter.timestamp().toString());
    place.put("reason", letter.reason());
    return place;
  }

  private static Map<String, Object> view(DeadLetter letter) {
    Map<String, Object> view = place(letter);
    bytes(view, "key", letter.record().key());
    Map<String, Object> headers = letter.decodedHeaders();
    view.put("headers", headers);
    Map<String, String> exact = binaryHeaders(letter.record().headers(), headers);
    if (!exact.isEmpty()) {
      view.put("headers_base64", exact);
    }
    bytes(view, "value", letter.record().value());
    return view;
  }

  /**
   * The headers shown as text that are not UTF-8 (the 16-byte {@code kafka_correlationId} that
   * {@code submit} and {@code ReplyingKafkaTemplate} send), by name, their last value's exact bytes.
   */
  private static Map<String, String> binaryHeaders(Headers record, Map<String, Object> decoded) {
    Map<String, String> exact = new LinkedHashMap<>();
    for (Header header : record) {
      byte[] value = header.value();
      if (value != null && decoded.get(header.key()) instanceof String && !utf8(value)) {
        exact.put(header.key(), Base64.getEncoder().encodeToString(value));
      } else {
        exact.remove(header.key());
      }
    }
    return exact;
  }

  /**
   * The key or value as text, and, when it is not UTF-8 (a binary key, say), its exact bytes as
   * {@code NAME_base64} too: the text then holds replacement characters and tells nothing exact.
   */
  private static void bytes(Map<String, Object> view, String name, byte @Nullable [] bytes) {
    view.put(name, bytes == null ? null : new String(bytes, StandardCharsets.UTF_8));
    if (bytes != null && !utf8(bytes)) {
      view.put(name + "_base64", Base64.getEncoder().encodeToString(bytes));
    }
  }

  private static boolean utf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
