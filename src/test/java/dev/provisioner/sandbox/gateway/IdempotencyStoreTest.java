package dev.provisioner.sandbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.sandbox.core.ParsedBody;
import dev.provisioner.sandbox.core.Reply;
import dev.provisioner.sandbox.core.SandboxClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdempotencyStoreTest {

  private final SandboxClock clock =
      new SandboxClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  private final IdempotencyStore store = new IdempotencyStore(clock, Duration.ofHours(24));

  @Test
  void aNewKeyProceedsAndAKeyInProgressIsInFlight() {
    assertThat(store.begin("k", fingerprint("{\"a\":1}"))).isInstanceOf(IdempotencyStore.Decision.Proceed.class);

    assertThat(store.begin("k", fingerprint("{\"a\":1}"))).isInstanceOf(IdempotencyStore.Decision.InFlight.class);
  }

  @Test
  void aCompletedKeyReplaysItsReplyWhateverItsStatus() {
    store.begin("k", fingerprint("{\"a\":1}"));
    Reply failure = Reply.empty(503);
    store.complete("k", failure);

    IdempotencyStore.Decision decision = store.begin("k", fingerprint("{ \"a\" : 1 }"));

    assertThat(decision).isEqualTo(new IdempotencyStore.Decision.Replay(failure));
  }

  @Test
  void anotherBodyUnderTheSameKeyIsAMismatch() {
    store.begin("k", fingerprint("{\"a\":1}"));

    assertThat(store.begin("k", fingerprint("{\"a\":2}")))
        .isInstanceOf(IdempotencyStore.Decision.Mismatch.class);
  }

  @Test
  void aKeyIsNewAgainOnceItsLifetimeHasPassedAndIsEvicted() {
    store.begin("k", fingerprint("{\"a\":1}"));
    store.complete("k", Reply.empty(201));
    clock.advance(Duration.ofHours(24));

    store.evictExpired();

    assertThat(store.size()).isZero();
    assertThat(store.begin("k", fingerprint("{\"a\":2}")))
        .isInstanceOf(IdempotencyStore.Decision.Proceed.class);
  }

  @Test
  void theFingerprintIgnoresMemberOrderAndWhitespaceButNotValues() {
    assertThat(fingerprint("{\"a\": 1, \"b\": {\"c\": [1, 2]}}"))
        .isEqualTo(fingerprint("{\"b\":{\"c\":[1,2]},\"a\":1}"))
        .isNotEqualTo(fingerprint("{\"b\":{\"c\":[2,1]},\"a\":1}"))
        .isNotEqualTo(fingerprint("{\"b\":{\"c\":[1,2]},\"a\":\"1\"}"));
  }

  @Test
  void theFingerprintSortsMembersAtEveryDepth() {
    assertThat(fingerprint("{\"m\": {\"y\": 1, \"x\": {\"q\": true, \"p\": null}}, \"a\": [{\"d\": 1, \"c\": 2}]}"))
        .isEqualTo(fingerprint("{\"a\":[{\"c\":2,\"d\":1}],\"m\":{\"x\":{\"p\":null,\"q\":true},\"y\":1}}"))
        .isNotEqualTo(fingerprint("{\"a\":[{\"c\":2,\"d\":1}],\"m\":{\"x\":{\"p\":null,\"q\":false},\"y\":1}}"));
  }

  private static byte[] fingerprint(String json) {
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);
    return Fingerprint.of("POST /billing/accounts", ParsedBody.parse(raw), raw);
  }
}
