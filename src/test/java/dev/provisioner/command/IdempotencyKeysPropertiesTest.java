package dev.provisioner.command;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The key function's promises, over arbitrary message IDs. */
class IdempotencyKeysPropertiesTest {

  private static final String VALID_KEY = "^[a-zA-Z0-9-]{1,255}$";

  @Property(tries = 2000)
  void everyKeyIsValidForTheApi(@ForAll("messageIds") String messageId,
      @ForAll @IntRange(min = 0) int generation) {
    assertThat(IdempotencyKeys.forCreate(messageId, generation))
        .matches(VALID_KEY)
        .startsWith(IdempotencyKeys.CREATE_PREFIX);
  }

  @Property(tries = 1000)
  void theSameCommandAlwaysGetsTheSameKey(@ForAll("messageIds") String messageId,
      @ForAll @IntRange(min = 0, max = 100) int generation) {
    String copy = new String(messageId.toCharArray());
    assertThat(IdempotencyKeys.forCreate(copy, generation))
        .isEqualTo(IdempotencyKeys.forCreate(messageId, generation));
  }

  @Property(tries = 2000)
  void distinctMessageIdsGetDistinctKeys(@ForAll("messageIds") String a,
      @ForAll("messageIds") String b, @ForAll @IntRange(min = 0, max = 3) int generation) {
    Assume.that(!a.equals(b));
    assertThat(IdempotencyKeys.forCreate(a, generation))
        .isNotEqualTo(IdempotencyKeys.forCreate(b, generation));
  }

  @Property(tries = 1000)
  void distinctGenerationsGetDistinctKeys(@ForAll("messageIds") String messageId,
      @ForAll @IntRange(min = 0) int g1, @ForAll @IntRange(min = 0) int g2) {
    Assume.that(g1 != g2);
    assertThat(IdempotencyKeys.forCreate(messageId, g1))
        .isNotEqualTo(IdempotencyKeys.forCreate(messageId, g2));
  }

  @Property(tries = 1000)
  void distinctPairsGetDistinctKeysAcrossIdsAndGenerations(@ForAll("hyphenHeavy") String a,
      @ForAll("hyphenHeavy") String b, @ForAll @IntRange(min = 0, max = 12) int ga,
      @ForAll @IntRange(min = 0, max = 12) int gb) {
    Assume.that(!a.equals(b) || ga != gb);
    assertThat(IdempotencyKeys.forCreate(a, ga)).isNotEqualTo(IdempotencyKeys.forCreate(b, gb));
  }

  /** Any non-blank string: unicode, surrogates, control characters, very long. */
  @Provide
  Arbitrary<String> messageIds() {
    Arbitrary<String> anyChars = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(300);
    Arbitrary<String> veryLong = Arbitraries.strings().all().ofMinLength(190).ofMaxLength(5000);
    return Arbitraries.oneOf(anyChars, veryLong, hyphenHeavy()).filter(id -> !id.isBlank());
  }

  /** Short strings of digits and hyphens, where a careless encoding would collide. */
  @Provide
  Arbitrary<String> hyphenHeavy() {
    return Arbitraries.strings().withChars("-0123456789rh").ofMinLength(1).ofMaxLength(12)
        .filter(id -> !id.isBlank());
  }
}
