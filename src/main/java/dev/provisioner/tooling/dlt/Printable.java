package dev.provisioner.tooling.dlt;

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
   * The text with control characters (C0, DEL, C1), line and paragraph separators and bidi
   * controls written as {@code \}{@code uXXXX}; {@code null} as {@code null}.
   */
  public static String of(@Nullable String text) {
    if (text == null) {
      return "null";
    }
    StringBuilder printable = new StringBuilder(text.length());
    text.codePoints().forEach(point -> {
      if (unsafe(point)) {
        printable.append(String.format("\\u%04x", point));
      } else {
        printable.appendCodePoint(point);
      }
    });
    return printable.toString();
  }

  private static boolean unsafe(int point) {
    return Character.isISOControl(point) || point == '\u2028' || point == '\u2029'
        || (point >= '\u202a' && point <= '\u202e') || (point >= '\u2066' && point <= '\u2069');
  }
}
