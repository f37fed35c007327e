package dev.provisioner.command;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Derives the {@code Idempotency-Key} of an API call from the command's message ID, so that the
 * same command maps to the same key across redelivery, restart, rebalance and dead-letter replay.
 *
 * <p>The function, stable across JVMs and versions (it uses no {@code hashCode()}):
 * <ul>
 *   <li>{@code acct-create-r<generation>-<messageId>} when the message ID is at most
 *       {@value #MAX_READABLE} characters of {@code [a-zA-Z0-9-]} (a UUID, say): readable;</li>
 *   <li>{@code acct-create-h<generation>-<sha256>} otherwise, where {@code <sha256>} is the
 *       lower-case hex SHA-256 of the message ID's UTF-16BE code units (lossless for every Java
 *       string, unpaired surrogates included).</li>
 * </ul>
 * {@code acct-create-} names the operation, so keys of other operations can never meet these.
 * The generation is 0 for the first key; reconciliation moves to 1, 2, … when the API has
 * stored a failure under the previous key. Every key matches {@code ^[a-zA-Z0-9-]+$} and has
 * at most 12 + 1 + 10 + 1 + 200 = 224 characters, within the API's 255.
 *
 * <p>Why distinct (messageId, generation) pairs give distinct keys: a key reads back uniquely
 * as prefix, form letter, generation digits up to the first {@code -}, then the rest, because the
 * generation is written in canonical decimal (no sign, no leading zeros) and holds no {@code -}.
 * Different generations therefore differ in the digits, and the two forms differ in the letter.
 * Within the readable form the rest is the message ID itself; within the hashed form two IDs
 * collide only on a SHA-256 collision, which no one knows how to find.
 */
public final class IdempotencyKeys {

  /** The operation prefix of account-creation keys. */
  public static final String CREATE_PREFIX = "acct-create-";

  /** The longest message ID used verbatim. */
  public static final int MAX_READABLE = 200;

  private static final Pattern READABLE = Pattern.compile("[a-zA-Z0-9-]{1," + MAX_READABLE + "}");

  private IdempotencyKeys() {
  }

  /**
   * The key for creating the account of a command.
   *
   * @param messageId the command's message ID; not blank
   * @param generation 0 for the first key, then 1, 2, … for each fresh key reconciliation needs
   * @throws IllegalArgumentException when the message ID is blank or the generation negative
   */
  public static String forCreate(String messageId, int generation) {
    if (messageId.isBlank()) {
      throw new IllegalArgumentException("messageId must not be blank");
    }
    if (generation < 0) {
      throw new IllegalArgumentException("generation must be at least 0 but was " + generation);
    }
    if (READABLE.matcher(messageId).matches()) {
      return CREATE_PREFIX + "r" + generation + "-" + messageId;
    }
    return CREATE_PREFIX + "h" + generation + "-" + sha256Hex(messageId);
  }

  private static String sha256Hex(String text) {
    byte[] units = new byte[text.length() * 2];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      units[2 * i] = (byte) (c >>> 8);
      units[2 * i + 1] = (byte) c;
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(units));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
