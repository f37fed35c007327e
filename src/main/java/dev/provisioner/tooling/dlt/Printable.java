package dev.provisioner.tooling.dlt;

import dev.provisioner.command.SafeText;
import org.jspecify.annotations.Nullable;

/**
 * Text from a dead letter (key, headers, exception message), made safe to print on one terminal
 * line: anyone who can produce a command chooses those bytes, and a raw escape sequence or line
 * break would recolour or clear the operator's terminal, or forge a line of the tool's output.
 */
public final class Printable {

  private Printable() {
  }

  /**
   * The text with the characters {@link SafeText#unprintable} names written as four-digit
   * {@code \}{@code u} escapes, uncut; {@code null} as {@code null}.
   */
  public static String of(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder printable = new StringBuilder(text.length());
    text.codePoints().forEach(point -> {
      if (SafeText.unprintable(point)) {
        printable.append(String.format("\\u%04x", point));
      } else {
        printable.appendCodePoint(point);
      }
    });
    return printable.toString();
  }
}
