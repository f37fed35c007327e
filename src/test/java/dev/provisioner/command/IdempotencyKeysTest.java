package dev.provisioner.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeysTest {

  @Test
  void keepsAUuidMessageIdReadableInTheKey() {
    // When
    String key = IdempotencyKeys.forCreate("4f1c2a9e-6b7d-4e21-9a53-0c8d2f6b1e77", 0);

    // Then
    assertThat(key).isEqualTo("acct-create-r0-4f1c2a9e-6b7d-4e21-9a53-0c8d2f6b1e77");
  }

  @Test
  void hashesAMessageIdWithCharactersTheApiRefuses() {
    // When
    String key = IdempotencyKeys.forCreate("order 1001/ü", 0);

    // Then the SHA-256 of the UTF-16BE code units, fixed here so the function can never drift
    assertThat(key).isEqualTo(
        "acct-create-h0-b25e27e79592ac2762cea0ac22e18d1267ae3f422f4de241f050a81190ba399b");
  }

  @Test
  void writesTheGenerationIntoTheKey() {
    // When
    String first = IdempotencyKeys.forCreate("order-1001", 0);
    String third = IdempotencyKeys.forCreate("order-1001", 2);

    // Then
    assertThat(first).isEqualTo("acct-create-r0-order-1001");
    assertThat(third).isEqualTo("acct-create-r2-order-1001");
  }

  @Test
  void separatesAGenerationFromAMessageIdThatLooksLikeOne() {
    // When "1-2" at generation 0 and "2" at generation 1 (naive joins would both read "1-2")
    String a = IdempotencyKeys.forCreate("2", 1);
    String b = IdempotencyKeys.forCreate("1-2", 0);

    // Then
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void hashesAMessageIdTooLongToStayReadable() {
    // When
    String key = IdempotencyKeys.forCreate("a".repeat(201), Integer.MAX_VALUE);

    // Then
    assertThat(key).startsWith("acct-create-h2147483647-").hasSize(24 + 64);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n", "\u3000"})
  void refusesABlankMessageId(String messageId) {
    assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKeys.forCreate(messageId, 0))
        .withMessageContaining("blank");
  }

  @Test
  void refusesANegativeGeneration() {
    assertThatIllegalArgumentException().isThrownBy(() -> IdempotencyKeys.forCreate("m", -1))
        .withMessageContaining("-1");
  }
}
