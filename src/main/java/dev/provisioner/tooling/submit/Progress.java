package dev.provisioner.tooling.submit;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Shows how a run goes: sent, answered, rate and ETA. On a terminal a bar redrawn in place at
 * most five times a second; otherwise a plain line every few seconds, fit for a log. The rate
 * and ETA are over the last {@link #WINDOW}: the rate since the start counted the minutes before
 * the first reply and put the ETA of a 100,000-row run at 965 s when 50 s were left.
 */
final class Progress {

  static final Duration WINDOW = Duration.ofSeconds(30);

  /** How far the run was at one moment. */
  private record Sample(Instant at, long done) {
  }

  private final Deque<Sample> samples = new ArrayDeque<>();
  private final PrintWriter out;
  private final boolean terminal;
  private final long total;
  private final boolean awaiting;
  private final Clock clock;
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
    this.last = clock.instant();
    this.samples.add(new Sample(last, 0));
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

  /** Nothing new, but time passed: while no reply comes (an API outage, say), the run still shows. */
  void tick() {
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
    Instant now = clock.instant();
    while (samples.size() > 1 && samples.peekFirst().at().isBefore(now.minus(WINDOW))) {
      samples.pollFirst();
    }
    Sample base = samples.peekFirst();
    double seconds = Math.max(0.001, Duration.between(base.at(), now).toMillis() / 1000.0);
    double rate = (done - base.done()) / seconds;
    samples.addLast(new Sample(now, done));
    String eta = rate <= 0 || done >= total ? "-" : eta(Math.round((total - done) / rate));
    // Without awaiting no reply is read: "answered 0" would say the worker answered nothing.
    String answers = awaiting ? ", answered " + answered : "";
    String figures = "sent %d/%d%s, %.0f/s, ETA %s".formatted(sent, total, answers, rate, eta);
    if (terminal) {
      out.print("\r" + bar(done) + " " + figures + "   ");
      out.flush();
    } else {
      out.println("progress: " + figures);
    }
  }

  /** 45s, 4m05s, 2h07m; a rate that has all but stopped (e.g. during an API outage) gives "over 1 day". */
  static String eta(long seconds) {
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return "%dm%02ds".formatted(seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return "%dh%02dm".formatted(seconds / 3600, seconds % 3600 / 60);
    }
    return "over 1 day";
  }

  private String bar(long done) {
    int width = 30;
    int filled = total == 0 ? width : (int) (width * Math.min(1.0, done / (double) total));
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
  }
}
