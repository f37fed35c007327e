package dev.provisioner.command;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Strict UTF-8: malformed bytes are an error, never a replacement character. A lossy decoding
 * turns every malformed sequence into U+FFFD, so distinct byte strings would read as one message
 * ID, and so as one idempotency key.
 */
public final class Utf8 {

  private Utf8() {
  }

  /** The text of {@code bytes}, or null when they are not valid UTF-8. */
  public static @Nullable String decode(byte[] bytes) {
    try {
      return strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /**
   * The offset of the first byte that is not part of a valid UTF-8 sequence, or -1 when all are.
   * Allocates nothing for ASCII, the common case, and little otherwise: the text is not kept.
   */
  static int firstInvalidByte(byte[] bytes) {
    int start = 0;
    while (start < bytes.length && bytes[start] >= 0) {
      start++;
    }
    if (start == bytes.length) {
      return -1;
    }
    CharsetDecoder decoder = strictDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(256);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        return -1;
      }
      out.clear();
    }
  }

  private static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
