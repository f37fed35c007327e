package dev.provisioner.cli;

import dev.provisioner.runtime.BrokerUnreachableException;
import dev.provisioner.runtime.DurationSettings;
import dev.provisioner.tooling.ClientLogs;
import dev.provisioner.tooling.Interruption;
import dev.provisioner.tooling.KafkaClients;
import dev.provisioner.tooling.MissingTopicException;
import dev.provisioner.tooling.submit.SubmitSettings;
import dev.provisioner.tooling.submit.SubmitSummary;
import dev.provisioner.tooling.submit.Submitter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

/**
 * {@code submit}: bulk onboarding from a CSV or NDJSON file: replies awaited and a report written
 * unless {@code --no-await}.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = {"Send one account command per row of a CSV or NDJSON file.",
        "A CSV file has a header row; an NDJSON file (.ndjson, .jsonl or .json) has one command or "
            + "account per line. Every row is validated first; nothing is sent when one is invalid, "
            + "unless --skip-invalid.",
        // One element per line: picocli would wrap the file name at its dot.
        "It waits for a reply to every command and writes a report beside FILE",
        "(accounts.report.csv for accounts.csv) unless --report says where;",
        "--no-await only sends.",
        "Exit 0 when every row was created (sent, with --no-await); 1 when a row was invalid, "
            + "not sent, rejected, failed or unanswered; 2 for bad usage or settings (an unknown "
            + "column, an unreadable file, a report that cannot be written, an unreachable broker: "
            + "then nothing was sent).",
        "Other Kafka client settings as for the worker, e.g.",
        "--spring.kafka.security.protocol=SASL_SSL and",
        "--spring.kafka.properties.sasl.mechanism=PLAIN."})
final class SubmitCommand implements Callable<Integer> {

  /** A week: longer than any outage a run waits out, far from where its deadline would overflow. */
  private static final Duration LONGEST_WAIT = Duration.ofDays(7);

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "accounts.csv, or .ndjson, .jsonl or .json")
  private Path file;

  @Option(names = "--await", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "wait for a reply to every command (default); --no-await only sends")
  private boolean await;

  @Option(names = "--report", paramLabel = "report.csv",
      description = "write the report here (default: beside FILE, e.g. accounts.report.csv)")
  private @Nullable Path report;

  @Option(names = "--skip-invalid", description = "send the valid rows even when some are invalid")
  private boolean skipInvalid;

  @Option(names = {"--bootstrap-servers", "--spring.kafka.bootstrap-servers"},
      defaultValue = "localhost:9092", description = "the broker (default ${DEFAULT-VALUE})")
  private String bootstrapServers;

  @Option(names = {"--commands-topic", "--provisioner.topics.commands"},
      defaultValue = "account-commands", description = "default ${DEFAULT-VALUE}")
  private String commandsTopic;

  @Option(names = {"--replies-topic", "--provisioner.topics.replies"},
      defaultValue = "account-replies", description = "default ${DEFAULT-VALUE}")
  private String repliesTopic;

  @Option(names = "--timeout", defaultValue = "PT10M",
      description = "how long to await replies, e.g. PT10M or 10m (default ${DEFAULT-VALUE})")
  private Duration timeout;

  /** The other {@code --spring.kafka.*} settings (security, any client property). */
  @Unmatched
  private List<String> springArgs = new ArrayList<>();

  @Override
  public Integer call() {
    ClientLogs.quiet();
    String badTimeout = DurationSettings.problem("--timeout", timeout, LONGEST_WAIT);
    if (badTimeout != null) {
      throw new UsageException(badTimeout);
    }
    KafkaClients kafka = KafkaOptions.of(bootstrapServers, springArgs);
    if (Files.isDirectory(file)) {
      throw new UsageException("cannot read " + file + ": it is a directory, not a file");
    }
    if (!Files.isReadable(file)) {
      throw new UsageException("cannot read " + file);
    }
    if (report != null && !await) {
      throw new UsageException("--report needs replies: leave out --no-await");
    }
    if (await && report == null) {
      report = ReportFile.besides(file);
    }
    if (report != null) {
      ReportFile.requireWritable(report);
      ReportFile.requireNotInput(report, file);
    }
    PrintWriter out = spec.commandLine().getOut();
    SubmitSettings settings = new SubmitSettings(file, kafka, commandsTopic,
        repliesTopic, await, report, skipInvalid, timeout, System.console() != null);
    Interruption interruption = new Interruption();
    return interruption.hooked("submit-interrupted", () -> {
      try {
        return run(settings, out, interruption);
      } finally {
        out.flush();
      }
    });
  }

  private int run(SubmitSettings settings, PrintWriter out, Interruption interruption) {
    SubmitSummary summary;
    try {
      summary = new Submitter(settings, out, Clock.systemUTC(), interruption).run();
    } catch (OutOfMemoryError e) {
      // The Submitter and the rows it tracked are unreachable here: heap enough again for one line.
      throw new UsageException(outOfMemory());
    } catch (RuntimeException e) {
      if (outOfMemoryAmong(e)) {
        // e.g. try-with-resources adding the JVM's shared OutOfMemoryError to itself as suppressed
        // ("Self-suppression not permitted"), which arrives as an IllegalArgumentException
        throw new UsageException(outOfMemory());
      }
      if (e instanceof BrokerUnreachableException || e instanceof MissingTopicException) {
        // a setting to fix, named as the user typed it; nothing was sent
        throw new UsageException(e.getMessage());
      }
      if (e instanceof IllegalArgumentException) {
        throw new UsageException(file + ": " + e.getMessage());
      }
      throw e;
    }
    out.println(summary.describe());
    if (report != null) {
      out.println("report: " + report);
    }
    if (interruption.requested()) {
      out.println("interrupted: " + summary.notSent() + " rows not sent" + (await ? ", "
          + summary.unanswered() + " sent rows not yet answered (the worker still processes them)" : "")
          + "; submitting the same file again is safe: same message IDs, so no account is created "
          + "twice" + (await ? ", and the rows created already are reported replayed" : ""));
    }
    return summary.exitCode();
  }

  /** Whether an OutOfMemoryError is the failure, its cause or one it suppressed, at any depth. */
  static boolean outOfMemoryAmong(Throwable failure) {
    Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!pending.isEmpty()) {
      Throwable next = pending.pop();
      if (next instanceof OutOfMemoryError) {
        return true;
      }
      if (seen.add(next)) {
        if (next.getCause() != null) {
          pending.push(next.getCause());
        }
        pending.addAll(List.of(next.getSuppressed()));
      }
    }
    return false;
  }

  private String outOfMemory() {
    long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "out of memory in a " + heapMb + " MB heap" + (await
        ? " (awaiting replies keeps about 250 bytes per row)" : "")
        + "; no report written; the rows sent are processed by the worker; run again with a larger"
        + " heap (java -Xmx2g -jar ...): the same file again creates no account twice";
  }
}
