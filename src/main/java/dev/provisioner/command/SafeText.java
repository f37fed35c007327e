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
   * At most {@code max} code points of {@code text}, control characters as {@code \\u} escapes
   * of four hex digits.
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
      if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
        out.append(String.format("\\u%04X", cp));
      } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
        out.append('\uFFFD');
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
