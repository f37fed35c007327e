package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmUpTest {

  private final List<String> chunks = new ArrayList<>();
  private final AtomicLong childJit = new AtomicLong();

  @Test
  void givenQuietCompilers_whenWarmingUp_thenItStopsAtTheMinimum() throws Exception {
    WarmUp.Done done = WarmUp.run(30, 1_000, () -> 0, childJit::get, this::chunk);

    assertThat(chunks).containsExactly("0-30");
    assertThat(done.commands()).isEqualTo(30);
    assertThat(done.quiet()).isTrue();
  }

  @Test
  void givenACompilerBusyForThreeChunks_whenWarmingUp_thenItGoesOnUntilTheChunkAfter() throws Exception {
    WarmUp.Done done = WarmUp.run(10, 1_000, () -> 0, childJit::get, (from, to) -> {
      chunk(from, to);
      if (chunks.size() <= 3) {
        childJit.addAndGet(5_000);
      }
    });

    assertThat(chunks).containsExactly("0-10", "10-20", "20-30", "30-40");
    assertThat(done.commands()).isEqualTo(40);
    assertThat(done.describe()).isEqualTo("warm-up 40 commands; in the last chunk the JIT compiled 0 % of the time in the"
        + " child, 0 % in the broker and sandbox's JVM");
  }

  @Test
  void givenTheParentStillCompiling_whenWarmingUp_thenItGoesOnToTheMaximumAndSaysSo() throws Exception {
    AtomicLong parentJit = new AtomicLong();
    WarmUp.Done done = WarmUp.run(10, 25, parentJit::get, childJit::get, (from, to) -> {
      chunk(from, to);
      parentJit.addAndGet(5_000);
    });

    assertThat(chunks).containsExactly("0-10", "10-20", "20-25");
    assertThat(done.quiet()).isFalse();
    assertThat(done.describe()).startsWith("warm-up 25 commands; in the last chunk the JIT compiled 0 % of the time in the child, ")
        .endsWith("(not quiet: the maximum was reached)");
  }

  @Test
  void givenAQuietFirstChunkBelowTheMinimum_whenWarmingUp_thenTheMinimumIsStillRun() throws Exception {
    WarmUp.Done done = WarmUp.run(50_000, 100_000, () -> 0, childJit::get, this::chunk);

    assertThat(chunks).containsExactly("0-20000", "20000-40000", "40000-60000");
    assertThat(done.commands()).isEqualTo(60_000);
  }

  @Test
  void givenAFixedWarmUp_whenTheCompilerIsStillBusy_thenItRunsOnceAndDoesNotCallThatAMiss()
      throws Exception {
    WarmUp.Done done = WarmUp.run(100, 100, () -> 0, childJit::get, (from, to) -> {
      chunk(from, to);
      childJit.addAndGet(5_000);
    });

    assertThat(chunks).containsExactly("0-100");
    assertThat(done.quiet()).isFalse();
    assertThat(done.describe()).doesNotContain("not quiet");
  }

  private void chunk(int from, int to) {
    chunks.add(from + "-" + to);
  }
}
