package dev.provisioner.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Strict UTF-8: malformed bytes are an error, never a replacement character. A lossy decoding
 * turns every malformed sequence into U+FFFD, so distinct byte strings would read as one message
 * ID, and so as one idempotency key.
 */
final class Utf8 {

  private Utf8() {
  }

  /** The text of {@code bytes}, or null when they are not valid UTF-8. */
  static @Nullable String decode(byte[] bytes) {
    try {
      return strictDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
