package dev.provisioner.command;

/**
 * Makes untrusted text fit for a one-line reply or log field: control characters escaped, long
 * text cut with an ellipsis, so a hostile record can never echo megabytes or forge lines.
 */
public final class SafeText {

  /** The longest single value (a property name, an excerpt) quoted in a detail. */
  static final int MAX_VALUE = 64;

  /** The longest detail line. */
  static final int MAX_LINE = 300;

  private SafeText() {
  }

  static String value(String text) {
    return oneLine(text, MAX_VALUE);
  }

  static String line(String text) {
    return oneLine(text, MAX_LINE);
  }

  /**
   * At most {@code max} code points of {@code text}, control characters and the bidirectional
   * formatting characters as {@code \\u} escapes of four hex digits. A right-to-left override
   * (U+202E) left as it is reverses the rest of the line on screen, so a message ID
   * {@code \u202Eexe.pdf} would show as {@code fdp.exe} and the reason after it backwards.
   */
  public static String oneLine(String text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      if (count == max) {
        return out.append('…').toString();
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      count++;
      if (unprintable(cp)) {
        out.append(String.format("\\u%04X", cp));
      } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        out.append('\uFFFD');
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  /**
   * Whether a code point must not reach a terminal or a log line as it is: control characters
   * (C0, DEL, C1), the line and paragraph separators, and the bidi controls.
   */
  public static boolean unprintable(int cp) {
    return Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029 || isBidiControl(cp);
  }

  /** U+061C, U+200E, U+200F, U+202A to U+202E and U+2066 to U+2069: Unicode's bidi controls. */
  static boolean isBidiControl(int cp) {
    return cp == 0x061C || cp == 0x200E || cp == 0x200F || cp >= 0x202A && cp <= 0x202E
        || cp >= 0x2066 && cp <= 0x2069;
  }
}
