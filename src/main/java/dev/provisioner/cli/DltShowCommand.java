package dev.provisioner.cli;

import dev.provisioner.tooling.dlt.DeadLetter;
import dev.provisioner.tooling.dlt.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
    view.put("key", letter.key());
    view.put("headers", letter.decodedHeaders());
    byte[] value = letter.record().value();
    view.put("value", value == null ? null : new String(value, StandardCharsets.UTF_8));
    return view;
  }
}
