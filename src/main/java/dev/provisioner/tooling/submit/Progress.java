package dev.provisioner.tooling.submit;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows how a run goes: sent, answered, rate and ETA. On a terminal a bar redrawn in place at
 * most five times a second; otherwise a plain line every few seconds, fit for a log.
 */
final class Progress {

  private final PrintWriter out;
  private final boolean terminal;
  private final long total;
  private final boolean awaiting;
  private final Clock clock;
  private final Instant start;
  private final Duration every;
  private Instant last;
  private long sent;
  private long answered;

  Progress(PrintWriter out, boolean terminal, long total, boolean awaiting, Clock clock) {
    this.out = out;
    this.terminal = terminal;
    this.total = total;
    this.awaiting = awaiting;
    this.clock = clock;
    this.start = clock.instant();
    this.last = start;
    this.every = terminal ? Duration.ofMillis(200) : Duration.ofSeconds(5);
  }

  /** The rows the broker has acknowledged so far: a row handed to the producer is not sent yet. */
  void sent(long acknowledged) {
    sent = acknowledged;
    maybeShow();
  }

  void answered() {
    answered++;
    maybeShow();
  }

  /** Shows the final state and ends the bar's line. */
  void finish() {
    show();
    if (terminal) {
      out.println();
    }
  }

  private void maybeShow() {
    Instant now = clock.instant();
    if (Duration.between(last, now).compareTo(every) >= 0) {
      last = now;
      show();
    }
  }

  private void show() {
    long done = awaiting ? answered : sent;
    double seconds = Math.max(0.001, Duration.between(start, clock.instant()).toMillis() / 1000.0);
    double rate = done / seconds;
    String eta = rate <= 0 || done >= total ? "-" : Math.round((total - done) / rate) + "s";
    String figures = "sent %d/%d, answered %d, %.0f/s, ETA %s".formatted(sent, total, answered,
        rate, eta);
    if (terminal) {
      out.print("\r" + bar(done) + " " + figures + "   ");
      out.flush();
    } else {
      out.println("progress: " + figures);
    }
  }

  private String bar(long done) {
    int width = 30;
    int filled = total == 0 ? width : (int) (width * Math.min(1.0, done / (double) total));
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
