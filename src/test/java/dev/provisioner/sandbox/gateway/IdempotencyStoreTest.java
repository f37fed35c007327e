package dev.provisioner.sandbox.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  private final IdempotencyStore store = new IdempotencyStore(clock, Duration.ofHours(24), 1_000);

  @Test
  void aNewKeyProceedsAndAKeyInProgressIsInFlight() {
    assertThat(store.begin("k", fingerprint("{\"a\":1}"))).isInstanceOf(IdempotencyStore.Decision.Proceed.class);

    assertThat(store.begin("k", fingerprint("{\"a\":1}"))).isInstanceOf(IdempotencyStore.Decision.InFlight.class);
  }

  @Test
  void aCompletedKeyReplaysItsReplyWhateverItsStatus() {
    IdempotencyStore.Decision first = store.begin("k", fingerprint("{\"a\":1}"));
    Reply failure = Reply.empty(503);
    store.complete(claim(first), failure);

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
    store.complete(claim(store.begin("k", fingerprint("{\"a\":1}"))), Reply.empty(201));
    clock.advance(Duration.ofHours(24));

    store.evictExpired();

    assertThat(store.size()).isZero();
    assertThat(store.begin("k", fingerprint("{\"a\":2}")))
        .isInstanceOf(IdempotencyStore.Decision.Proceed.class);
  }

  @Test
  void beyondItsBoundTheStoreForgetsItsOldestKeysFirst() {
    // Given a store that keeps at most 3 keys
    IdempotencyStore bounded = new IdempotencyStore(clock, Duration.ofHours(24), 3);

    // When 10,000 keys are used, each completed
    for (int i = 0; i < 10_000; i++) {
      bounded.complete(claim(bounded.begin("k" + i, fingerprint("{\"a\":" + i + "}"))), Reply.empty(201));
    }

    // Then it holds the 3 newest, and the oldest key is new again
    assertThat(bounded.size()).isEqualTo(3);
    assertThat(bounded.begin("k9999", fingerprint("{\"a\":9999}")))
        .isInstanceOf(IdempotencyStore.Decision.Replay.class);
    assertThat(bounded.begin("k0", fingerprint("{\"a\":0}")))
        .isInstanceOf(IdempotencyStore.Decision.Proceed.class);
  }

  @Test
  void aKeyClaimedAgainAfterExpiryIsNotForgottenWithItsEarlierClaim() {
    // Given a key that expired and was claimed again
    store.begin("k", fingerprint("{\"a\":1}"));
    clock.advance(Duration.ofHours(24));
    store.complete(claim(store.begin("k", fingerprint("{\"a\":2}"))), Reply.empty(201));

    // When expired keys are evicted
    store.evictExpired();

    // Then the second claim stays
    assertThat(store.begin("k", fingerprint("{\"a\":2}")))
        .isInstanceOf(IdempotencyStore.Decision.Replay.class);
  }

  @Test
  void aBoundBelowOneIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new IdempotencyStore(clock, Duration.ofHours(24), 0))
        .hasMessage("sandbox.idempotency-max-keys must be at least 1, but was 0");
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

  @Test
  void anEarlierClaimOfAKeyClaimedAgainStoresNothing() {
    // Given a key that expired while its first request was in flight, and was claimed again
    IdempotencyStore.Decision first = store.begin("k", fingerprint("{\"a\":1}"));
    clock.advance(Duration.ofHours(24));
    IdempotencyStore.Decision second = store.begin("k", fingerprint("{\"a\":2}"));

    // When the first request finishes before the second
    Reply secondReply = Reply.empty(201);
    store.complete(claim(first), Reply.empty(409));
    store.complete(claim(second), secondReply);

    // Then the key replays the second request's reply to its body
    assertThat(store.begin("k", fingerprint("{\"a\":2}")))
        .isEqualTo(new IdempotencyStore.Decision.Replay(secondReply));
  }

  private static IdempotencyStore.Decision.Proceed claim(IdempotencyStore.Decision decision) {
    assertThat(decision).isInstanceOf(IdempotencyStore.Decision.Proceed.class);
    return (IdempotencyStore.Decision.Proceed) decision;
  }

  private static byte[] fingerprint(String json) {
    byte[] raw = json.getBytes(StandardCharsets.UTF_8);
    return Fingerprint.of("POST /billing/accounts", ParsedBody.parse(raw), raw);
  }
}
