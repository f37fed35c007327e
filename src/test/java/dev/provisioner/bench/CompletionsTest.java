package dev.provisioner.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompletionsTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /** Completion counts at which the CPU was read; each read returns the next of {@code samples}. */
  private final List<Integer> readAt = new ArrayList<>();

  @Test
  void givenOneHundredCompletionsTwentyMsApart_whenMeasured_thenCpuIsReadAtTheWindowsEdgesOnly() {
    List<CpuSample> samples = List.of(new CpuSample(5_000 * MS, 80_000 * MS),
        new CpuSample(5_000 * MS + 890 * MS, 80_000 * MS + 1_780 * MS));
    Completions[] holder = new Completions[1];
    holder[0] = new Completions(100, () -> {
      readAt.add(holder[0].count());
      return samples.get(readAt.size() - 1);
    });

    for (int i = 0; i < 100; i++) {
      holder[0].record(i * 20 * MS, 3 * MS);
    }
    Completions.Measured measured = holder[0].measured();

    assertThat(readAt).as("read when the 11th completion opens the window and at the 100th")
        .containsExactly(11, 100);
    // The window runs from completion 11 (index 10) to 100: 89 completions in 1.78 s.
    assertThat(measured.throughputPerS()).isCloseTo(50.0, within(1e-9));
    assertThat(measured.windowCpuUs()).as("890 ms of process CPU over 89 commands")
        .isCloseTo(10_000.0, within(1e-6));
    assertThat(measured.windowMachineUs()).as("1,780 ms of machine CPU over 89 commands")
        .isCloseTo(20_000.0, within(1e-6));
    assertThat(measured.windowBusyShare()).as("1.78 s busy in a 1.78 s window of all cores")
        .isCloseTo(1.0 / CORES, within(1e-9));
  }

  @Test
  void givenAWindowShorterThanASecond_whenMeasured_thenTheCpuFiguresAreUnknown() {
    Completions completions = new Completions(100,
        () -> new CpuSample(readAt.size() * 100 * MS, readAt.size() * 200 * MS));

    for (int i = 0; i < 100; i++) {
      completions.record(i * MS, MS);
    }
    Completions.Measured measured = completions.measured();

    assertThat(measured.throughputPerS()).isPositive();
    assertThat(List.of(measured.windowCpuUs(), measured.windowMachineUs(),
        measured.windowBusyShare())).containsOnly(-1.0);
  }

  @Test
  void givenAnUnfinishedRun_whenMeasured_thenTheCpuFiguresAreUnknown() {
    Completions completions = new Completions(100, () -> new CpuSample(1, 1));

    for (int i = 0; i < 99; i++) {
      completions.record(i * 20 * MS, MS);
    }

    assertThat(completions.measured().windowCpuUs()).isEqualTo(-1.0);
    assertThat(completions.measured().count()).isEqualTo(99);
  }

  @Test
  void givenMeasuredFigures_whenEncodedAndDecoded_thenTheyComeBackUnchanged() {
    Completions.Measured measured = new Completions.Measured(500, 1234.5, 6.25, 30.5, 27.25,
        55.5, 0.875);

    assertThat(Completions.Measured.decode(measured.encode())).isEqualTo(measured);
  }
}
