package dev.provisioner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The JVM throws one shared OutOfMemoryError when it is short of heap, so a try-with-resources
 * whose body and close both run out adds the error to itself and gets an IllegalArgumentException
 * ("Self-suppression not permitted") instead. {@code submit} still reports running out of memory.
 */
class SubmitCommandOutOfMemoryTest {

  @Test
  void anOutOfMemoryErrorAsTheCauseOfASelfSuppressionIsFound() {
    OutOfMemoryError shared = new OutOfMemoryError("Java heap space");
    IllegalArgumentException selfSuppression = selfSuppressed(shared);

    assertThat(selfSuppression).hasMessage("Self-suppression not permitted").hasCause(shared);
    assertThat(SubmitCommand.outOfMemoryAmong(selfSuppression)).isTrue();
  }

  @Test
  void anOutOfMemoryErrorSuppressedDeepDownIsFound() {
    RuntimeException closing = new RuntimeException("close failed");
    closing.addSuppressed(new OutOfMemoryError("Java heap space"));
    RuntimeException failure = new RuntimeException("send failed", new IllegalStateException(closing));

    assertThat(SubmitCommand.outOfMemoryAmong(failure)).isTrue();
  }

  @Test
  void otherFailuresAreNotOutOfMemory() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.addSuppressed(second); // a cycle: the search still ends

    assertThat(SubmitCommand.outOfMemoryAmong(new IllegalArgumentException("line 3: bad currency")))
        .isFalse();
    assertThat(SubmitCommand.outOfMemoryAmong(second)).isFalse();
  }

  private static IllegalArgumentException selfSuppressed(OutOfMemoryError shared) {
    try {
      shared.addSuppressed(shared);
    } catch (IllegalArgumentException e) {
      return e;
    }
    throw new AssertionError("addSuppressed accepted the error itself");
  }
}
