package dev.provisioner.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The headers of a command record as the parser reads them: each value decoded strictly as UTF-8,
 * and the names of those whose bytes are not UTF-8. A lossy decoding would read distinct byte
 * strings as one message ID; here a message-id or ce_id header that is not UTF-8 is simply not a
 * message ID, and the parser can say so.
 *
 * <p>Only the message-ID headers are read from it; the others (the correlation ID above all) are
 * bytes, and whoever echoes them takes them from the record, unchanged.
 *
 * @param text header name to value, for the values that are valid UTF-8
 * @param notUtf8 the names of the headers whose value is not valid UTF-8
 */
public record CommandHeaders(Map<String, String> text, Set<String> notUtf8) {

  public CommandHeaders {
    text = Map.copyOf(text);
    notUtf8 = Set.copyOf(notUtf8);
  }

  /** Headers that are text already, as the submit tool and tests have them. */
  public static CommandHeaders of(Map<String, String> text) {
    return new CommandHeaders(text, Set.of());
  }

  /**
   * Decodes raw header values strictly.
   *
   * @param raw header name to value, one value per name (e.g. the last, as Kafka's
   *     {@code lastHeader} gives it)
   */
  public static CommandHeaders decode(Map<String, byte[]> raw) {
    Map<String, String> text = new HashMap<>();
    Set<String> notUtf8 = new HashSet<>();
    raw.forEach((name, value) -> {
      String decoded = Utf8.decode(value);
      if (decoded == null) {
        notUtf8.add(name);
      } else {
        text.put(name, decoded);
      }
    });
    return new CommandHeaders(text, notUtf8);
  }
}
