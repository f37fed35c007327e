package dev.provisioner.tooling.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.provisioner.testing.MovingClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Progress is a bar redrawn in place on a terminal and a periodic plain line otherwise. */
class ProgressTest {

  @Test
  void withoutAwaitingNoAnsweredCountIsShownSinceNoReplyIsRead() {
    // Given a run with --no-await: replies are not read
    StringWriter text = new StringWriter();
    MovingClock clock = new MovingClock();
    Progress progress = new Progress(new PrintWriter(text, true), false, 3, false, clock);

    // When every row is sent within a second
    clock.advance(Duration.ofSeconds(1));
    progress.sent(3);
    progress.finish();

    // Then the line counts what was sent and says nothing of answers
    assertThat(text.toString().lines()).containsExactly("progress: sent 3/3, 3/s, ETA -");
  }

  @Test
  void withoutATerminalAPlainLineIsPrintedEveryFiveSecondsWithRateAndEta() {
    // Given
    StringWriter text = new StringWriter();
    MovingClock clock = new MovingClock();
    Progress progress = new Progress(new PrintWriter(text, true), false, 100, false, clock);

    // When
    progress.sent(1);
    clock.advance(Duration.ofSeconds(5));
    for (int i = 2; i <= 50; i++) {
      progress.sent(i);
    }

    // Then
    assertThat(text.toString().lines()).containsExactly(
        "progress: sent 2/100, 0/s, ETA 4m05s");
  }

  @Test
  void theRateAndEtaFollowTheLastThirtySecondsNotTheWaitBeforeTheFirstReply() {
    // Given a run whose first reply came after a minute, then 1,000 replies a second
    StringWriter text = new StringWriter();
    MovingClock clock = new MovingClock();
    Progress progress = new Progress(new PrintWriter(text, true), false, 100_000, true, clock);
    clock.advance(Duration.ofSeconds(60));
    progress.answered();

    // When ten seconds of replies follow
    for (int second = 0; second < 10; second++) {
      clock.advance(Duration.ofSeconds(1));
      for (int i = 0; i < 1_000; i++) {
        progress.answered();
      }
    }

    // Then the last line (at 70 s) shows the rate since the first reply, not since the start
    // (which would be 129/s and an ETA of 708 s)
    assertThat(text.toString().lines().reduce((first, last) -> last).orElseThrow())
        .isEqualTo("progress: sent 0/100000, answered 9002, 900/s, ETA 1m41s");
  }

  @ParameterizedTest
  @CsvSource({"0, 0s", "59, 59s", "60, 1m00s", "245, 4m05s", "3599, 59m59s", "3600, 1h00m", "7620, 2h07m",
      "86399, 23h59m", "86400, over 1 day", "349698, over 1 day"})
  void theEtaIsInSecondsMinutesOrHoursAndAStalledRunIsOverADay(long seconds, String eta) {
    assertThat(Progress.eta(seconds)).isEqualTo(eta);
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlaceAndEndsWithANewLine() {
    StringWriter text = new StringWriter();
    MovingClock clock = new MovingClock();
    Progress progress = new Progress(new PrintWriter(text, true), true, 10, true, clock);

    for (int i = 1; i <= 10; i++) {
      progress.sent(i);
    }
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) {
      progress.answered();
    }
    progress.finish();

    assertThat(text.toString())
        .startsWith("\r[###...........................] sent 10/10, answered 1, 1/s, ETA 9s")
        .contains("\r[###############...............] sent 10/10, answered 5, 5/s, ETA 1s")
        .endsWith(System.lineSeparator());
  }
}
